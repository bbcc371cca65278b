/**
 * `util.dynamodb`: typed-value builders. Runs inside the sandbox realm.
 * Recorded AWS outputs keep numbers as JSON numbers (`{N: 5}`, `{NS: [1, 2]}`), never strings.
 */

export type AttributeValue = { [type: string]: unknown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The "opinionated" conversion: arrays always become `L`, objects `M`; `undefined` members are dropped like JSON. */
/** Set values made by the dynamodb module's `toStringSet`/`toNumberSet`/`toBinarySet`: kept as sets. */
const typedSets = new WeakSet<object>();

export function markTypedSet(value: AttributeValue): AttributeValue {
  typedSets.add(value);
  return value;
}

export function toDynamoDB(value: unknown): AttributeValue {
  if (typeof value === 'object' && value !== null && typedSets.has(value)) return value as AttributeValue;
  if (value === null || value === undefined) return { NULL: null };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value))
    return { L: value.map((member) => toDynamoDB(member === undefined ? null : member)) };
  if (isPlainObject(value)) return { M: toMapValues(value) };
  // Functions, symbols, bigints: AppSync's JSON data model has no such values.
  throw new TypeError(`Cannot convert a value of type ${typeof value} to a DynamoDB attribute value`);
}

export function toMapValues(value: unknown): Record<string, AttributeValue> {
  if (!isPlainObject(value)) throw new TypeError('toMapValues expects an object');
  const out: Record<string, AttributeValue> = {};
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (member === undefined || typeof member === 'function') continue;
    out[key] = toDynamoDB(member);
  }
  return out;
}

function typed(type: string) {
  return (value: unknown): AttributeValue | null =>
    value === null || value === undefined ? null : { [type]: value };
}

export function toS3Object(key: string, bucket: string, region: string, version?: string): AttributeValue {
  const s3: Record<string, string> = { key, bucket, region };
  if (version !== undefined && version !== null) s3.version = version;
  return { S: JSON.stringify({ s3 }) };
}

export function fromS3ObjectJson(value: string): Record<string, unknown> | null {
  const parsed: unknown = JSON.parse(value);
  if (isPlainObject(parsed) && isPlainObject(parsed.s3)) return parsed.s3;
  return null;
}

export const dynamodbUtil = {
  toDynamoDB,
  toString: typed('S'),
  toStringSet: typed('SS'),
  toNumber: typed('N'),
  toNumberSet: typed('NS'),
  toBinary: typed('B'),
  toBinarySet: typed('BS'),
  toBoolean: typed('BOOL'),
  toNull: (): AttributeValue => ({ NULL: null }),
  toList: (value: unknown): AttributeValue | null =>
    value === null || value === undefined ? null : toDynamoDB(Array.isArray(value) ? value : [value]),
  toMap: (value: unknown): AttributeValue | null =>
    value === null || value === undefined ? null : { M: toMapValues(value) },
  toMapValues: (value: unknown): Record<string, AttributeValue> | null =>
    value === null || value === undefined ? null : toMapValues(value),
  toS3Object,
  fromS3ObjectJson,
};

export { isPlainObject };
