import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DataSourceRequestError } from '../errors';
import { elementPath, requireRecord } from '../request-shape';
import { toAttributeMap, type AttributeMap } from './typed-values';

type Path = readonly (string | number)[];

/** Reads a required `key` element: a non-empty map of typed values. */
export function readKey(value: unknown, path: Path): AttributeMap {
  const key = toAttributeMap(requireRecord(value, path), path);
  if (Object.keys(key).length === 0) {
    throw new DataSourceRequestError(`Element '${elementPath(path)}' must contain the key attributes.`);
  }
  return key;
}

function scalarText(value: AttributeValue | undefined): string {
  if (!value) return '-';
  if (value.S !== undefined) return `S:${value.S}`;
  // Numbers compare by value: "1.0" and "1" are the same key in DynamoDB.
  if (value.N !== undefined) return `N:${Number(value.N)}`;
  if (value.B !== undefined) return `B:${Buffer.from(value.B).toString('base64')}`;
  return `?:${JSON.stringify(value)}`;
}

/** A string identifying an item by the given key attributes, to match batch responses to requests. */
export function keyIdentity(item: AttributeMap, keyNames: readonly string[]): string {
  return keyNames.map((name) => `${name}=${scalarText(item[name])}`).join('\u0000');
}

export function keyNamesOf(key: AttributeMap): string[] {
  return Object.keys(key).sort();
}
