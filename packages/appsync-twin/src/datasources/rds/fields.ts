import pg from 'pg';

/** A Data API `Field` (https://docs.aws.amazon.com/rdsdataservice/latest/APIReference/API_Field.html). */
export type DataApiField =
  | { readonly isNull: true }
  | { readonly stringValue: string }
  | { readonly longValue: number }
  | { readonly doubleValue: number }
  | { readonly booleanValue: boolean }
  | { readonly blobValue: string }
  | { readonly arrayValue: DataApiArray };

export type DataApiArray =
  | { readonly stringValues: string[] }
  | { readonly longValues: number[] }
  | { readonly doubleValues: number[] }
  | { readonly booleanValues: boolean[] };

// PostgreSQL's built-in type OIDs (pg_type.dat), grouped by the Data API field they come back as.
const LONG_TYPES = new Set([20, 21, 23, 26]); // int8, int2, int4, oid
const DOUBLE_TYPES = new Set([700, 701]); // float4, float8
const BOOL = 16;
const BYTEA = 17;
const TEXT_ARRAY = 1009 as Parameters<typeof pg.types.getTypeParser>[0];
const ARRAY_ELEMENTS: Readonly<Record<number, 'long' | 'double' | 'boolean' | 'string'>> = {
  1000: 'boolean',
  1005: 'long',
  1007: 'long',
  1016: 'long',
  1021: 'double',
  1022: 'double',
};

function arrayField(oid: number, text: string): DataApiField {
  // The text[] parser (OID 1009) splits any one-dimensional array literal into its elements' texts.
  const parsed = pg.types.getTypeParser(TEXT_ARRAY, 'text')(text) as (string | null)[];
  switch (ARRAY_ELEMENTS[oid] ?? 'string') {
    case 'long':
      return { arrayValue: { longValues: parsed.map(Number) } };
    case 'double':
      return { arrayValue: { doubleValues: parsed.map(Number) } };
    case 'boolean':
      return { arrayValue: { booleanValues: parsed.map((value) => value === 't') } };
    default:
      return { arrayValue: { stringValues: parsed.map((value) => value ?? '') } };
  }
}

/**
 * One value as the Data API returns it: integers as `longValue`, floats as `doubleValue`, `numeric` as a
 * `stringValue` (no precision is lost), `bytea` as base64 `blobValue`, arrays as `arrayValue`, and every
 * other type (text, uuid, dates and times, json) as the text PostgreSQL prints for it.
 */
export function dataApiField(oid: number, isArray: boolean, text: string | null): DataApiField {
  if (text === null) return { isNull: true };
  if (LONG_TYPES.has(oid)) return { longValue: Number(text) };
  if (DOUBLE_TYPES.has(oid)) return { doubleValue: Number(text) };
  if (oid === BOOL) return { booleanValue: text === 't' };
  if (oid === BYTEA) return { blobValue: Buffer.from(text.replace(/^\\x/, ''), 'hex').toString('base64') };
  if (isArray) return arrayField(oid, text);
  return { stringValue: text };
}
