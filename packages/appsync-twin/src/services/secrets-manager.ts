import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '../engine/http-server';
import type { StackModel } from '../assembly/stack-model';
import { resourcesOfType } from '../assembly/stack-model';

/** The twin's route for the Secrets Manager API; `AWS_ENDPOINT_URL_SECRETS_MANAGER` points at it. */
export const SECRETS_MANAGER_PATH = '/_secretsmanager/';

interface LocalSecret {
  readonly arn: string;
  readonly name: string;
  value: string;
  versionId: string;
  createdAt: number;
}

export interface LocalSecrets {
  readonly handler: RouteHandler;
  /** The secret ARNs, by logical id. */
  readonly arns: ReadonlyMap<string, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function awsError(response: ServerResponse, type: string, message: string): void {
  send(response, 400, { __type: type, message });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    return null;
  }
}

/**
 * The stack's `AWS::SecretsManager::Secret`s, in memory, behind the operations functions use: GetSecretValue
 * and PutSecretValue (AWS JSON 1.1, `X-Amz-Target: secretsmanager.<Operation>`,
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html). A secret starts
 * with its `SecretString`, or a random value for `GenerateSecretString` (its options are not applied).
 * Values do not survive a restart: whoever filled a secret fills it again at start.
 */
export function provideSecrets(model: StackModel): LocalSecrets {
  const { partition, region, accountId } = model.resolver.env;
  const secrets = new Map<string, LocalSecret>();
  const arns = new Map<string, string>();
  for (const resource of resourcesOfType(model, 'AWS::SecretsManager::Secret')) {
    const props = model.resolver.resolve(resource.properties, resource.logicalId);
    const record = isRecord(props) ? props : {};
    const name = typeof record.Name === 'string' ? record.Name : resource.logicalId;
    // Secrets Manager appends six random characters to the name in the ARN.
    const arn = `arn:${partition}:secretsmanager:${region}:${accountId}:secret:${name}-${randomBytes(3).toString('hex')}`;
    const value =
      typeof record.SecretString === 'string' ? record.SecretString : randomBytes(24).toString('base64url');
    secrets.set(arn, { arn, name, value, versionId: randomUUID(), createdAt: Date.now() });
    arns.set(resource.logicalId, arn);
    model.resolver.provide(resource.logicalId, { ref: arn, attributes: { Id: arn } });
  }
  const find = (id: unknown): LocalSecret | undefined =>
    typeof id === 'string'
      ? (secrets.get(id) ?? [...secrets.values()].find((secret) => secret.name === id))
      : undefined;

  const handler: RouteHandler = async (request, response) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const body = await readJson(request);
    if (!isRecord(body))
      return awsError(response, 'InvalidRequestException', 'The request body is not JSON.');
    const secret = find(body.SecretId);
    if (target === 'secretsmanager.GetSecretValue' || target === 'secretsmanager.PutSecretValue') {
      if (!secret)
        return awsError(
          response,
          'ResourceNotFoundException',
          "Secrets Manager can't find the specified secret.",
        );
      if (target === 'secretsmanager.PutSecretValue') {
        if (typeof body.SecretString !== 'string')
          return awsError(response, 'InvalidParameterException', 'SecretString is required locally.');
        secret.value = body.SecretString;
        secret.versionId = randomUUID();
        secret.createdAt = Date.now();
        return send(response, 200, {
          ARN: secret.arn,
          Name: secret.name,
          VersionId: secret.versionId,
          VersionStages: ['AWSCURRENT'],
        });
      }
      return send(response, 200, {
        ARN: secret.arn,
        Name: secret.name,
        VersionId: secret.versionId,
        SecretString: secret.value,
        VersionStages: ['AWSCURRENT'],
        CreatedDate: secret.createdAt / 1000,
      });
    }
    awsError(
      response,
      'UnknownOperationException',
      `${target || 'The operation'} is not emulated by the twin.`,
    );
  };
  return { handler, arns };
}
