/**
 * The header object an IAM client puts on the real-time endpoint
 * (https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html): Amplify's headers,
 * SigV4-signed by `@smithy/signature-v4` (the AWS SDK's signer) for `POST <path>` with `body` — the connection
 * signs `/graphql/connect` with `{}`, a `start` signs `/graphql` with its `payload.data` string.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from 'appsync-twin';

export interface IamSigning {
  readonly path: '/graphql/connect' | '/graphql';
  readonly body: string;
  /** Defaults to the twin's local secret; another one makes a signature that must not verify. */
  readonly secretAccessKey?: string;
}

export async function iamRealtimeHeader(
  graphqlUrl: string,
  signing: IamSigning,
): Promise<Record<string, string>> {
  const host = new URL(graphqlUrl).host;
  const signer = new SignatureV4({
    service: 'appsync',
    region: LOCAL_REGION,
    sha256: Sha256,
    applyChecksum: false,
    credentials: {
      accessKeyId: LOCAL_CREDENTIALS.accessKeyId,
      secretAccessKey: signing.secretAccessKey ?? LOCAL_CREDENTIALS.secretAccessKey,
    },
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: host,
    path: signing.path,
    headers: {
      accept: 'application/json, text/javascript',
      'content-encoding': 'amz-1.0',
      'content-type': 'application/json; charset=UTF-8',
      host,
    },
    body: signing.body,
  });
  const { authorization, ...rest } = Object.fromEntries(
    Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  return { ...rest, Authorization: authorization ?? '' };
}
