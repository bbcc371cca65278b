import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DataSourceRequestError } from '../errors';
import { elementPath, isRecord, type JsonRecord } from '../request-shape';

type Path = readonly (string | number)[];
export type AttributeMap = Record<string, AttributeValue>;

const TYPE_NAMES = 'S, N, B, BOOL, NULL, L, M, SS, NS, BS';

function invalid(path: Path, detail: string): DataSourceRequestError {
  return new DataSourceRequestError(
    `Invalid DynamoDB typed value at '${elementPath(path)}': ${detail}. Expected one of ${TYPE_NAMES}.`,
  );
}

/** `N` may arrive as a JSON number (`util.dynamodb.toDynamoDB(5)` gives `{N: 5}`); DynamoDB wants a string. */
function numberText(value: unknown, path: Path): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return value;
  throw invalid(path, `N must be a number or a numeric string, got ${JSON.stringify(value)}`);
}

function binary(value: unknown, path: Path): Uint8Array {
  if (typeof value !== 'string') throw invalid(path, 'B must be a base64 string');
  return new Uint8Array(Buffer.from(value, 'base64'));
}

function list(value: unknown, path: Path, kind: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(path, `${kind} must be an array`);
  return value;
}

/** Converts one AppSync typed value (DynamoDB JSON, lenient as AppSync is) into an SDK AttributeValue. */
export function toAttributeValue(value: unknown, path: Path): AttributeValue {
  if (!isRecord(value)) throw invalid(path, `got ${JSON.stringify(value) ?? 'undefined'}`);
  const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
  const [first] = entries;
  if (!first || entries.length !== 1) throw invalid(path, `got ${JSON.stringify(value)}`);
  const [type, inner] = first;
  switch (type) {
    case 'S':
      if (typeof inner !== 'string') throw invalid(path, 'S must be a string');
      return { S: inner };
    case 'N':
      return { N: numberText(inner, path) };
    case 'B':
      return { B: binary(inner, path) };
    case 'BOOL':
      if (typeof inner !== 'boolean') throw invalid(path, 'BOOL must be a boolean');
      return { BOOL: inner };
    case 'NULL':
      // AppSync's util.dynamodb.toNull() emits {NULL: null}; DynamoDB only accepts {NULL: true}.
      if (inner !== null && inner !== true) throw invalid(path, 'NULL must be true');
      return { NULL: true };
    case 'L':
      return { L: list(inner, path, 'L').map((item, index) => toAttributeValue(item, [...path, index])) };
    case 'M':
      if (!isRecord(inner)) throw invalid(path, 'M must be an object');
      return { M: toAttributeMap(inner, path) };
    case 'SS':
      return {
        SS: list(inner, path, 'SS').map((item) => {
          if (typeof item !== 'string') throw invalid(path, 'SS must hold strings');
          return item;
        }),
      };
    case 'NS':
      return { NS: list(inner, path, 'NS').map((item) => numberText(item, path)) };
    case 'BS':
      return { BS: list(inner, path, 'BS').map((item) => binary(item, path)) };
    default:
      throw invalid(path, `unknown type '${type}'`);
  }
}

export function toAttributeMap(value: JsonRecord, path: Path): AttributeMap {
  const map: AttributeMap = {};
  for (const [name, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    map[name] = toAttributeValue(inner, [...path, name]);
  }
  return map;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** Converts a DynamoDB attribute into the plain JSON AppSync hands to `ctx.result`. */
export function fromAttributeValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  // Large numbers lose precision here, as they do in AppSync's JSON conversion.
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.B !== undefined) return base64(value.B);
  if (value.L !== undefined) return value.L.map(fromAttributeValue);
  if (value.M !== undefined) return fromAttributeMap(value.M);
  if (value.SS !== undefined) return [...value.SS];
  if (value.NS !== undefined) return value.NS.map(Number);
  if (value.BS !== undefined) return value.BS.map(base64);
  return null;
}

export function fromAttributeMap(map: AttributeMap): JsonRecord {
  const result: JsonRecord = {};
  for (const [name, value] of Object.entries(map)) result[name] = fromAttributeValue(value);
  return result;
}

export function itemOrNull(map: AttributeMap | undefined): JsonRecord | null {
  return map ? fromAttributeMap(map) : null;
}
