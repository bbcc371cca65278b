import { createServer, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from './clock';
import { listenOnLoopback, loopbackService, readLimitedBody, type LoopbackService } from './loopback-http';
import { SqsError } from './sqs/errors';
import { OPERATIONS } from './sqs/protocol';
import { LocalSqsService } from './sqs/service';

export interface LocalSqsOptions {
  /** Port on 127.0.0.1; 0 or omitted picks a free one. */
  readonly port?: number;
  readonly clock?: Clock;
  readonly region: string;
  readonly accountId: string;
}

/** Set its `endpoint` as `AWS_ENDPOINT_URL_SQS`; queue URLs live under it. */
export type LocalSqs = LoopbackService<LocalSqsService>;

const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';
/** SQS's own limit on a request is 1 MiB of messages; a little room for the JSON around them. */
const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

function answer(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.writableEnded || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': JSON_CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...headers,
  });
  response.end(text);
}

function answerError(response: ServerResponse, error: SqsError): void {
  answer(
    response,
    error.status,
    { __type: `com.amazonaws.sqs#${error.code}`, message: error.message },
    { 'x-amzn-query-error': `${error.queryCode};${error.fault}` },
  );
}

/**
 * A local SQS speaking the AWS JSON 1.0 protocol (`X-Amz-Target: AmazonSQS.<Action>`), the one
 * `@aws-sdk/client-sqs` uses since 3.447.0, so unmodified SDK clients work against it through
 * `AWS_ENDPOINT_URL_SQS`. Requests are not authenticated (IAM is not enforced locally).
 */
export async function startLocalSqs(options: LocalSqsOptions): Promise<LocalSqs> {
  const clock = options.clock ?? systemClock;
  const aborts = new Set<AbortController>();
  // Queue URLs name the port, known once the server listens; requests before that are not answered.
  const started: { service?: LocalSqsService } = {};

  const httpServer = createServer((request, response) => {
    void (async () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const body = await readLimitedBody(request, MAX_REQUEST_BYTES);
      const service = started.service;
      if (!service) return;
      if (request.method !== 'POST' || !target.startsWith('AmazonSQS.')) {
        answerError(
          response,
          new SqsError(
            'UnsupportedOperation',
            'The local SQS speaks only the AWS JSON 1.0 protocol (X-Amz-Target: AmazonSQS.<Action>), as @aws-sdk/client-sqs 3.447.0 and later do.',
          ),
        );
        return;
      }
      const operation = OPERATIONS[target.slice('AmazonSQS.'.length)];
      if (!operation) {
        answerError(
          response,
          new SqsError('UnsupportedOperation', `${target} is not supported by the local SQS.`),
        );
        return;
      }
      if (!body) {
        answerError(
          response,
          new SqsError('BatchRequestTooLong', 'The request is larger than the local SQS accepts.'),
        );
        return;
      }
      let input: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(body.length === 0 ? '{}' : body.toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object');
        input = parsed as Record<string, unknown>;
      } catch {
        answerError(
          response,
          new SqsError('InvalidParameterValue', 'The request body is not a JSON object.'),
        );
        return;
      }
      const abort = new AbortController();
      aborts.add(abort);
      // A client that gives up on a long poll must not have messages received on its behalf.
      response.on('close', () => abort.abort());
      try {
        answer(response, 200, await operation(service, input, abort.signal));
      } catch (error) {
        if (error instanceof SqsError) answerError(response, error);
        else
          answerError(
            response,
            new SqsError(
              'InternalFailure',
              `The local SQS failed: ${String(error)}`,
              'InternalFailure',
              500,
              'Receiver',
            ),
          );
      } finally {
        aborts.delete(abort);
      }
    })();
  });
  const { port, endpoint } = await listenOnLoopback(httpServer, options.port);
  const service = new LocalSqsService(endpoint, clock, options.region, options.accountId);
  started.service = service;
  return loopbackService(httpServer, { port, endpoint }, service, () => {
    for (const abort of aborts) abort.abort();
    service.endWaits();
  });
}
