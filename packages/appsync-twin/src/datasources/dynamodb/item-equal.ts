import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeMap } from './typed-values';

/**
 * A canonical form of a DynamoDB value for comparison: numbers by value (`1.50` = `1.5`), sets
 * regardless of order, maps regardless of key order.
 */
function canonical(value: AttributeValue): unknown {
  if (value.S !== undefined) return ['S', value.S];
  if (value.N !== undefined) return ['N', Number(value.N)];
  if (value.BOOL !== undefined) return ['BOOL', value.BOOL];
  if (value.NULL !== undefined) return ['NULL'];
  if (value.B !== undefined) return ['B', Buffer.from(value.B).toString('base64')];
  if (value.L !== undefined) return ['L', value.L.map(canonical)];
  if (value.M !== undefined) return ['M', canonicalMap(value.M)];
  if (value.SS !== undefined) return ['SS', [...value.SS].sort()];
  if (value.NS !== undefined) return ['NS', value.NS.map(Number).sort((a, b) => a - b)];
  if (value.BS !== undefined) return ['BS', value.BS.map((b) => Buffer.from(b).toString('base64')).sort()];
  return ['?'];
}

function canonicalMap(map: AttributeMap): unknown {
  return Object.keys(map)
    .sort()
    .map((name) => [name, canonical(map[name] as AttributeValue)]);
}

/** Whether two items hold the same attributes and values, leaving out the `ignored` attributes. */
export function itemsEqual(a: AttributeMap, b: AttributeMap, ignored: readonly string[] = []): boolean {
  const strip = (map: AttributeMap) =>
    Object.fromEntries(Object.entries(map).filter(([name]) => !ignored.includes(name)));
  return JSON.stringify(canonicalMap(strip(a))) === JSON.stringify(canonicalMap(strip(b)));
}
