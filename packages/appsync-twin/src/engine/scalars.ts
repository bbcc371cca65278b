import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { MAX_NESTING } from './request-limits';
import { nestsDeeperThan } from './value-depth';

/**
 * The AppSync scalars with AppSync's validation (appsync-runtime.md §10). Invalid literals and variables
 * are validation errors; invalid resolver output is a field error.
 */

const OFFSET = '(Z|[+-]\\d{2}:\\d{2}(:\\d{2})?)';
const DATE = '(\\d{4})-(\\d{2})-(\\d{2})';
const TIME = '(\\d{2}):(\\d{2})(:(\\d{2})(\\.\\d{1,9})?)?';
const DATE_RE = new RegExp(`^${DATE}${OFFSET}?$`);
const TIME_RE = new RegExp(`^${TIME}${OFFSET}?$`);
const DATE_TIME_RE = new RegExp(`^${DATE}T${TIME}${OFFSET}$`);

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function validTime(hours: number, minutes: number, seconds: number): boolean {
  return hours <= 23 && minutes <= 59 && seconds <= 59;
}

function validOffset(offset: string | undefined): boolean {
  if (!offset || offset === 'Z') return true;
  const [hh, mm, ss] = offset.slice(1).split(':').map(Number);
  return (hh ?? 0) <= 18 && (mm ?? 0) <= 59 && (ss ?? 0) <= 59;
}

export function isAwsDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  return !!m && validDate(Number(m[1]), Number(m[2]), Number(m[3])) && validOffset(m[4]);
}

export function isAwsTime(value: string): boolean {
  const m = TIME_RE.exec(value);
  return !!m && validTime(Number(m[1]), Number(m[2]), Number(m[4] ?? 0)) && validOffset(m[6]);
}

export function isAwsDateTime(value: string): boolean {
  const m = DATE_TIME_RE.exec(value);
  return (
    !!m &&
    validDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    validTime(Number(m[4]), Number(m[5]), Number(m[7] ?? 0)) &&
    validOffset(m[9])
  );
}

// RFC 822 addr-spec, as practically validated: a dot-atom local part and a dotted domain.
const EMAIL_RE =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

export function isAwsEmail(value: string): boolean {
  return EMAIL_RE.test(value);
}

// Digits in groups separated by single spaces or hyphens, an optional leading `+` country code; numbers
// without a country code are taken as NANP (10 digits, or 11 with a leading 1), as AppSync does.
export function isAwsPhone(value: string): boolean {
  if (!/^\+?\d+([ -]?\(?\d+\)?)*$/.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  if (value.startsWith('+')) return digits.length >= 7 && digits.length <= 15;
  return digits.length === 10 || (digits.length === 11 && digits.startsWith('1'));
}

export function isAwsUrl(value: string): boolean {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(value);
  if (!m || /\s/.test(value)) return false;
  const rest = m[2] ?? '';
  try {
    new URL(value);
  } catch {
    return false;
  }
  // A `//` is only allowed as the authority marker right after the scheme.
  const path = rest.startsWith('//') ? rest.slice(2) : rest;
  return !path.includes('//');
}

function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIpv6(value: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(value) || value.split('::').length > 2) return false;
  const hasEmbeddedV4 = value.includes('.');
  const groups = value.split(':');
  const last = groups[groups.length - 1] ?? '';
  if (hasEmbeddedV4 && !isIpv4(last)) return false;
  const hexGroups = hasEmbeddedV4 ? groups.slice(0, -1) : groups;
  const filled = hexGroups.filter((g) => g !== '');
  if (!filled.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = filled.length + (hasEmbeddedV4 ? 2 : 0);
  return value.includes('::') ? count < 8 : count === 8;
}

export function isAwsIpAddress(value: string): boolean {
  const [address = '', prefix, extra] = value.split('/');
  if (extra !== undefined) return false;
  const v4 = isIpv4(address);
  if (!v4 && !isIpv6(address)) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128);
}

function stringScalar(
  name: string,
  test: (value: string) => boolean,
  description: string,
): GraphQLScalarType {
  const check = (value: unknown, fail: (message: string) => never): string => {
    if (typeof value !== 'string' || !test(value)) fail(`Invalid ${name}: ${JSON.stringify(value)}`);
    return value;
  };
  // Plain errors on input: graphql-js then reports them located, as validation errors.
  const inputError = (message: string): never => {
    throw new TypeError(message);
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) =>
      check(value, (message) => {
        throw new TypeError(message);
      }),
    parseValue: (value) => check(value, inputError),
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw new TypeError(`Invalid ${name}: expected a string literal`);
      return check(ast.value, inputError);
    },
  });
}

function parseJsonString(value: unknown): unknown {
  if (typeof value !== 'string') throw new TypeError(`Invalid AWSJSON: expected a string containing JSON`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new TypeError(`Unable to parse ${JSON.stringify(value)} as valid JSON.`);
  }
  // Resolvers get the parsed value, and the runtime copies ctx recursively: bound it like any input.
  if (nestsDeeperThan(parsed, MAX_NESTING))
    throw new TypeError(`Invalid AWSJSON: the JSON nests more than ${MAX_NESTING} levels deep`);
  return parsed;
}

const AWSJSON = new GraphQLScalarType({
  name: 'AWSJSON',
  description: 'A string of JSON; resolvers see the parsed value and may return any JSON value.',
  serialize: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
  parseValue: parseJsonString,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('Invalid AWSJSON: expected a string literal');
    return parseJsonString(ast.value);
  },
});

function timestamp(value: unknown, fail: (message: string) => never): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)))
    return Number(value);
  return fail(`Invalid AWSTimestamp: ${JSON.stringify(value)} is not a whole number of seconds`);
}

const AWSTimestamp = new GraphQLScalarType({
  name: 'AWSTimestamp',
  description: 'Seconds since 1970-01-01T00:00Z.',
  serialize: (value) =>
    timestamp(value, (message) => {
      throw new TypeError(message);
    }),
  parseValue: (value) => {
    if (typeof value !== 'number') throw new TypeError(`Invalid AWSTimestamp: ${JSON.stringify(value)}`);
    return timestamp(value, (message) => {
      throw new TypeError(message);
    });
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new TypeError('Invalid AWSTimestamp: expected an integer literal');
    return timestamp(Number(ast.value), (message) => {
      throw new TypeError(message);
    });
  },
});

export const APPSYNC_SCALARS: readonly GraphQLScalarType[] = [
  stringScalar('AWSDate', isAwsDate, 'An extended ISO 8601 date: YYYY-MM-DD with an optional offset.'),
  stringScalar('AWSTime', isAwsTime, 'An extended ISO 8601 time: hh:mm[:ss[.sss]] with an optional offset.'),
  stringScalar('AWSDateTime', isAwsDateTime, 'An extended ISO 8601 date and time with a required offset.'),
  AWSTimestamp,
  stringScalar('AWSEmail', isAwsEmail, 'An email address (RFC 822).'),
  AWSJSON,
  stringScalar('AWSPhone', isAwsPhone, 'A phone number; without a country code it is taken as NANP.'),
  stringScalar('AWSURL', isAwsUrl, 'A URL with a scheme (RFC 1738).'),
  stringScalar('AWSIPAddress', isAwsIpAddress, 'An IPv4 or IPv6 address with an optional CIDR prefix.'),
];
