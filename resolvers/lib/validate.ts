import { util } from '@aws-appsync/utils';
import { badRequest, invalidNextToken } from './errors';

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;

/** Ids are server-generated UUIDs; anything else (and key separators such as `#`) is rejected up front. */
export function requireId(value: unknown, name: string): string {
  if (
    typeof value !== 'string' ||
    value.length < 1 ||
    value.length > 64 ||
    !util.matches('[A-Za-z0-9_-]+', value)
  ) {
    badRequest(`${name} must be an id of 1–64 letters, digits, '-' or '_'.`);
  }
  return value as string;
}

export function requireText(value: unknown, name: string, maxLength: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length < 1 || text.length > maxLength) badRequest(`${name} must be 1–${maxLength} characters.`);
  return text;
}

export function requireInt(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || Math.floor(value) !== value || value < min || value > max) {
    badRequest(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return value as number;
}

/** `limit` defaults to 20 and must be 1–50, so a page never exceeds what one BatchGetItem can fill. */
export function pageLimit(limit: unknown): number {
  if (limit === undefined || limit === null) return DEFAULT_PAGE_SIZE;
  return requireInt(limit, 'limit', 1, MAX_PAGE_SIZE);
}

/** `nextToken` is opaque; only its size is checked here (the data source rejects foreign tokens). */
export function pageToken(nextToken: unknown): string | undefined {
  if (nextToken === undefined || nextToken === null) return undefined;
  if (typeof nextToken !== 'string' || nextToken.length > 4096) invalidNextToken();
  return nextToken as string;
}
