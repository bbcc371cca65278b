import type { DataSourceResult } from '../contracts';
import { DataSourceRequestError } from './errors';
import { isRecord } from './request-shape';

/**
 * NONE data source: `ctx.result` is exactly the request's `payload`. The docs list no other elements
 * and say nothing about extra ones, so they are ignored rather than rejected.
 */
export function invokeNone(request: unknown): DataSourceResult {
  if (!isRecord(request)) {
    throw new DataSourceRequestError('The request object of a NONE data source must be a JSON object.');
  }
  return { result: request['payload'] ?? null };
}
