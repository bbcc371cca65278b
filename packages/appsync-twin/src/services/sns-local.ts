import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import { systemClock, type Clock } from './clock';
import { listenOnLoopback, loopbackService, readLimitedBody, type LoopbackService } from './loopback-http';
import { LocalSnsService, SnsError, type SnsDelivery, type SnsMessageAttribute } from './sns/topics';

export interface LocalSnsOptions {
  readonly port?: number;
  readonly clock?: Clock;
  readonly region: string;
  readonly accountId: string;
  readonly delivery: SnsDelivery;
  readonly log: (line: string) => void;
}

/** Set its `endpoint` as `AWS_ENDPOINT_URL_SNS`. */
export type LocalSns = LoopbackService<LocalSnsService>;

const NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';
const MAX_REQUEST_BYTES = 512 * 1024;

type Params = Readonly<Record<string, unknown>>;

function xmlEscape(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `MessageAttributes.entry.N.Name` / `.Value.DataType|StringValue|BinaryValue`, as the query protocol flattens them. */
function queryAttributes(form: URLSearchParams): Record<string, SnsMessageAttribute> {
  const out: Record<string, SnsMessageAttribute> = {};
  for (let n = 1; form.has(`MessageAttributes.entry.${n}.Name`); n += 1) {
    const prefix = `MessageAttributes.entry.${n}`;
    const binary = form.get(`${prefix}.Value.BinaryValue`);
    out[form.get(`${prefix}.Name`) ?? ''] = {
      DataType: form.get(`${prefix}.Value.DataType`) ?? 'String',
      ...(binary !== null
        ? { BinaryValue: Buffer.from(binary, 'base64') }
        : { StringValue: form.get(`${prefix}.Value.StringValue`) ?? '' }),
    };
  }
  return out;
}

function jsonAttributes(value: unknown): Record<string, SnsMessageAttribute> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(
      value as Record<string, { DataType?: string; StringValue?: string; BinaryValue?: string }>,
    ).map(([name, attribute]) => [
      name,
      {
        DataType: attribute.DataType ?? 'String',
        ...(attribute.BinaryValue !== undefined
          ? { BinaryValue: Buffer.from(attribute.BinaryValue, 'base64') }
          : { StringValue: attribute.StringValue ?? '' }),
      },
    ]),
  );
}

function requiredString(params: Params, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value === '')
    throw new SnsError('InvalidParameter', `Invalid parameter: ${name} is required`);
  return value;
}

type Result = Record<string, string | string[]>;

const ACTIONS: Readonly<Record<string, (service: LocalSnsService, params: Params) => Result>> = {
  Publish: (service, params) => {
    const subject = params.Subject;
    const published = service.publish({
      topicArn: requiredString(params, 'TopicArn'),
      message: requiredString(params, 'Message'),
      subject: typeof subject === 'string' ? subject : undefined,
      messageAttributes: params.MessageAttributes as Record<string, SnsMessageAttribute>,
    });
    return { MessageId: published.messageId };
  },
  CreateTopic: (service, params) => ({ TopicArn: service.createTopic(requiredString(params, 'Name')) }),
  ListTopics: (service) => ({ Topics: service.topicArns() as string[] }),
};

function queryResponse(action: string, result: Result): string {
  const members = Object.entries(result)
    .map(([name, value]) =>
      Array.isArray(value)
        ? `<${name}>${value.map((arn) => `<member><TopicArn>${xmlEscape(arn)}</TopicArn></member>`).join('')}</${name}>`
        : `<${name}>${xmlEscape(value)}</${name}>`,
    )
    .join('');
  return (
    `<${action}Response xmlns="${NAMESPACE}"><${action}Result>${members}</${action}Result>` +
    `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`
  );
}

function jsonResult(result: Result): unknown {
  return Object.fromEntries(
    Object.entries(result).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.map((TopicArn) => ({ TopicArn })) : value,
    ]),
  );
}

/**
 * A minimal local SNS endpoint for `@aws-sdk/client-sns`: Publish, CreateTopic and ListTopics over the
 * query protocol the SDK speaks (form-encoded `Action=…`, XML answers), and over AWS JSON 1.0
 * (`X-Amz-Target: AmazonSimpleNotificationService.<Action>`) for clients that use it.
 */
export async function startLocalSns(options: LocalSnsOptions): Promise<LocalSns> {
  const started: { service?: LocalSnsService } = {};
  const httpServer = createServer((request, response: ServerResponse) => {
    void (async () => {
      const body = (await readLimitedBody(request, MAX_REQUEST_BYTES))?.toString('utf8');
      const service = started.service;
      if (!service) return;
      const target = String(request.headers['x-amz-target'] ?? '');
      const json = target.startsWith('AmazonSimpleNotificationService.');
      const send = (status: number, text: string) => {
        response.writeHead(status, {
          'content-type': json ? 'application/x-amz-json-1.0' : 'text/xml',
          'x-amzn-requestid': randomUUID(),
        });
        response.end(text);
      };
      try {
        if (body === undefined)
          throw new SnsError('InvalidParameter', 'Invalid parameter: request too large', 413);
        let action: string;
        let params: Params;
        if (json) {
          action = target.slice('AmazonSimpleNotificationService.'.length);
          const parsed = JSON.parse(body || '{}') as Record<string, unknown>;
          params = { ...parsed, MessageAttributes: jsonAttributes(parsed.MessageAttributes) };
        } else {
          const form = new URLSearchParams(body);
          action = form.get('Action') ?? '';
          params = { ...Object.fromEntries(form), MessageAttributes: queryAttributes(form) };
        }
        const run = ACTIONS[action];
        if (!run)
          throw new SnsError(
            'InvalidAction',
            `The action ${action || '(none)'} is not supported by the local SNS.`,
          );
        const result = run(service, params);
        send(200, json ? JSON.stringify(jsonResult(result)) : queryResponse(action, result));
      } catch (caught) {
        const error =
          caught instanceof SnsError
            ? caught
            : new SnsError('InternalError', `The local SNS failed: ${String(caught)}`, 500);
        send(
          error.status,
          json
            ? JSON.stringify({ __type: error.code, message: error.message })
            : `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${error.status >= 500 ? 'Receiver' : 'Sender'}</Type>` +
                `<Code>${error.code}</Code><Message>${xmlEscape(error.message)}</Message></Error>` +
                `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
        );
      }
    })();
  });
  const { port, endpoint } = await listenOnLoopback(httpServer, options.port);
  const service = new LocalSnsService(
    options.clock ?? systemClock,
    options.region,
    options.accountId,
    options.delivery,
    options.log,
    endpoint,
  );
  started.service = service;
  return loopbackService(httpServer, { port, endpoint }, service);
}
