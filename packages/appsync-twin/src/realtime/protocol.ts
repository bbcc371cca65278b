/**
 * AppSync's real-time WebSocket protocol (`graphql-ws` sub-protocol with AppSync's own payloads):
 * frame types, limits and the exact error shapes the endpoint sends.
 */
import type { AppSyncErrorInfo } from '../contracts';

export const GRAPHQL_WS_PROTOCOL = 'graphql-ws';
export const HEADER_PROTOCOL_PREFIX = 'header-';
export const REALTIME_PATH = '/graphql/realtime';

/** What AppSync advertises in `connection_ack` (300,000 ms). */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 300_000;
/** AppSync's keep-alive cadence is undocumented; ~60 s is observed and clients warn after 65 s. */
export const DEFAULT_KEEP_ALIVE_INTERVAL_MS = 60_000;
/** AppSync closes every connection after 24 hours. */
export const DEFAULT_MAX_CONNECTION_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Service quota "Subscriptions per connection" (adjustable on AWS, so configurable here). */
export const DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION = 100;
/** Service quota "Subscription payload size": 240 KB. Also bounds what a client may send. */
export const MAX_PAYLOAD_BYTES = 240 * 1024;

export type ClientMessageType = 'connection_init' | 'start' | 'stop';

export interface StartPayload {
  readonly data: string;
  readonly extensions?: { readonly authorization?: Readonly<Record<string, string>> };
}

/** A realtime error entry: AppSync adds `errorCode` on connection errors. */
export interface RealtimeErrorEntry {
  readonly errorType?: string | null;
  readonly message: string;
  readonly errorCode?: number;
  readonly [key: string]: unknown;
}

export const frames = {
  connectionAck(connectionTimeoutMs: number): string {
    return JSON.stringify({ type: 'connection_ack', payload: { connectionTimeoutMs } });
  },
  keepAlive: '{"type":"ka"}',
  connectionError(errors: readonly RealtimeErrorEntry[]): string {
    return JSON.stringify({ type: 'connection_error', payload: { errors } });
  },
  startAck(id: string): string {
    return JSON.stringify({ type: 'start_ack', id });
  },
  error(id: string | undefined, errors: readonly RealtimeErrorEntry[]): string {
    return id === undefined
      ? JSON.stringify({ type: 'error', payload: { errors } })
      : JSON.stringify({ type: 'error', id, payload: { errors } });
  },
  complete(id: string): string {
    return JSON.stringify({ type: 'complete', id });
  },
  /** `payloadJson` is the already serialized `{data, errors?}` object, shared by every subscriber of a shape. */
  data(id: string, payloadJson: string): string {
    return `{"type":"data","id":${JSON.stringify(id)},"payload":${payloadJson}}`;
  },
} as const;

/** Recorded AppSync payload for a connection whose credentials are refused. */
export const UNAUTHORIZED_CONNECTION: RealtimeErrorEntry = {
  errorType: 'UnauthorizedException',
  message: 'You are not authorized to make this call.',
  errorCode: 401,
};

export const realtimeErrors = {
  /** Recorded: "<type> not supported through the realtime channel". */
  unsupportedOperation(what: string): RealtimeErrorEntry {
    return {
      errorType: 'UnsupportedOperation',
      message: `${what} not supported through the realtime channel`,
    };
  },
  /** Recorded message; the errorType is the commonly observed one. */
  maxSubscriptions(limit: number): RealtimeErrorEntry {
    return {
      errorType: 'MaxSubscriptionsReachedError',
      message: `Max number of ${limit} subscriptions reached`,
    };
  },
  /**
   * The documentation only says a duplicate id is an error ("subscription ID is duplicated");
   * the errorType is not documented, so this one is our choice.
   */
  duplicateId(id: string): RealtimeErrorEntry {
    return { errorType: 'DuplicatedOperationError', message: `Subscription ID ${id} is duplicated` };
  },
  /** Not documented by AWS: malformed frames get a BadRequestException and the connection stays open. */
  badRequest(message: string): RealtimeErrorEntry {
    return { errorType: 'BadRequestException', message };
  },
  messageTooLarge(bytes: number): RealtimeErrorEntry {
    return {
      errorType: 'BadRequestException',
      message: `Message of ${bytes} bytes exceeds the maximum of ${MAX_PAYLOAD_BYTES} bytes`,
    };
  },
} as const;

/** An engine error (`AppSyncErrorInfo`) as a realtime error entry, dropping absent optional fields. */
export function toRealtimeError(error: AppSyncErrorInfo): RealtimeErrorEntry {
  const entry: Record<string, unknown> = { message: error.message };
  if (error.errorType !== undefined) entry.errorType = error.errorType;
  if (error.data !== undefined) entry.data = error.data;
  if (error.errorInfo !== undefined) entry.errorInfo = error.errorInfo;
  return entry as RealtimeErrorEntry;
}
