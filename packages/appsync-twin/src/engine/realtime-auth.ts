/**
 * Authorization on the real-time endpoint as AppSync documents it
 * (https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html): the header object of
 * the connection (`header` query parameter, `header-…` sub-protocol or plain headers) and each `start`
 * message's `extensions.authorization` carry the same credentials as an HTTP request. For IAM they are a SigV4
 * signature of a request that was never sent: the connection signs `POST /graphql/connect` with the body `{}`,
 * a `start` signs `POST /graphql` with the body being exactly its `payload.data` string.
 */
import type { AppSyncErrorInfo } from '../contracts';
import type { UnauthorizedRequest } from './errors';
import type { SignableRequest } from './sigv4';

/** The request an IAM header signs: the connection's (no `data`) or a `start` message's. */
export function realtimeSignable(startData?: string): SignableRequest {
  return startData === undefined
    ? { method: 'POST', path: '/graphql/connect', query: '', body: '{}' }
    : { method: 'POST', path: '/graphql', query: '', body: startData };
}

/**
 * A refused real-time credential in AppSync's real-time shape. Recorded on AWS for a SigV4 signature that does
 * not match over the real-time channel: `BadRequestException` with the signature message
 * (https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/619,
 * https://github.com/awslabs/aws-mobile-appsync-sdk-js/pull/561), where HTTP answers 403 with
 * `InvalidSignatureException`. AWS appends the canonical request it expected; the twin leaves that out. Other
 * SigV4 refusals (403 on HTTP) are not recorded for the real-time channel and are given the same type.
 */
export function realtimeRefusal(error: UnauthorizedRequest): AppSyncErrorInfo {
  if (error.status === 403) return { errorType: 'BadRequestException', message: error.message };
  return error.toErrorInfo();
}
