/** The `util`, `extensions` and `runtime` globals of APPSYNC_JS, built inside the sandbox realm. */
import { authType } from './auth-type';
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './encoding';
import { renderFilterJson } from './expressions';
import { httpUtil } from './http';
import { autoId, autoKsuid, autoUlid, type RandomHex } from './ids';
import { current, EarlyReturnSignal, ErrorSignal, plainCopy, type ErrorEntry } from './invocation';
import { matches } from './java-regex';
import { rdsUtil } from './rds';
import { toSubscriptionFilter } from './subscription-filter';
import { createTimeUtil, type JavaTimeBridge } from './time';
import { dynamodbUtil, isPlainObject } from './values';
import { xmlUtil } from './xml';

function errorEntry(message: unknown, errorType: unknown, data: unknown, errorInfo: unknown): ErrorEntry {
  return {
    message: typeof message === 'string' ? message : String(message),
    errorType: errorType === undefined || errorType === null ? null : String(errorType),
    data: data === undefined ? null : plainCopy(data),
    errorInfo: errorInfo === undefined ? null : plainCopy(errorInfo),
  };
}

export function createUtil(randomHex: RandomHex, javaTime: JavaTimeBridge) {
  return {
    error(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): never {
      throw new ErrorSignal(errorEntry(message, errorType, data, errorInfo));
    },
    appendError(message: unknown, errorType?: unknown, data?: unknown, errorInfo?: unknown): void {
      current.state.appendedErrors.push(errorEntry(message, errorType, data, errorInfo));
    },
    unauthorized(): never {
      const info = current.state.info;
      // In a GraphQL request AppSync names the field; EvaluateCode (no field) reports plain "Unauthorized".
      const message =
        info && typeof info.fieldName === 'string' && typeof info.parentTypeName === 'string'
          ? `Not Authorized to access ${info.fieldName} on type ${info.parentTypeName}`
          : 'Unauthorized';
      throw new ErrorSignal({ message, errorType: 'Unauthorized', data: null, errorInfo: null });
    },
    authType: (): string => authType(current.state.identity),
    matches,
    urlEncode,
    urlDecode,
    base64Encode,
    base64Decode,
    escapeJavaScript,
    autoId: (): string => autoId(randomHex),
    autoUlid: (): string => autoUlid(randomHex, Date.now()),
    autoKsuid: (): string => autoKsuid(randomHex, Date.now()),
    time: createTimeUtil(javaTime),
    dynamodb: dynamodbUtil,
    transform: {
      toDynamoDBFilterExpression: renderFilterJson,
      toDynamoDBConditionExpression: renderFilterJson,
      toSubscriptionFilter,
      toElasticsearchQueryDSL: toOpenSearchQuery,
    },
    http: httpUtil,
    xml: xmlUtil,
    rds: rdsUtil,
    str: {
      normalize: (value: string, form: string): string => String(value).normalize(String(form).toUpperCase()),
    },
    math: {
      roundNum: (value: number): number => Math.round(value),
      minVal: (a: number, b: number): number => Math.min(a, b),
      maxVal: (a: number, b: number): number => Math.max(a, b),
      randomDouble: (): number => Math.random(),
      // Docs: "a random integer within the range"; both ends inclusive here (the docs do not say).
      randomWithinRange: (start: number, end: number): number =>
        Math.floor(Math.random() * (Math.floor(end) - Math.ceil(start) + 1)) + Math.ceil(start),
    },
  };
}

const OPEN_SEARCH_TERMS: Record<string, string> = {
  eq: 'term',
  match: 'match',
  matchPhrase: 'match_phrase',
  matchPhrasePrefix: 'match_phrase_prefix',
  wildcard: 'wildcard',
  regexp: 'regexp',
};
const OPEN_SEARCH_RANGES: Record<string, string> = { gt: 'gt', gte: 'gte', lt: 'lt', lte: 'lte' };

function openSearchClauses(filter: Record<string, unknown>): unknown[] {
  const clauses: unknown[] = [];
  for (const key of Object.keys(filter)) {
    const value = filter[key];
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) throw new TypeError(`${key} expects a list`);
      const members = value.map((member) => openSearchQuery(member));
      clauses.push({
        bool: key === 'and' ? { must: members } : { should: members, minimum_should_match: 1 },
      });
    } else if (key === 'not') clauses.push({ bool: { must_not: [openSearchQuery(value)] } });
    else {
      if (!isPlainObject(value)) throw new TypeError(`Field ${key} expects an operator object`);
      for (const op of Object.keys(value)) {
        const operand = value[op];
        const term = OPEN_SEARCH_TERMS[op];
        const range = OPEN_SEARCH_RANGES[op];
        if (term) clauses.push({ [term]: { [key]: operand } });
        else if (range) clauses.push({ range: { [key]: { [range]: operand } } });
        else if (op === 'ne') clauses.push({ bool: { must_not: [{ term: { [key]: operand } }] } });
        else if (op === 'range' && Array.isArray(operand))
          clauses.push({ range: { [key]: { gte: operand[0], lte: operand[1] } } });
        else if (op === 'exists')
          clauses.push(
            operand ? { exists: { field: key } } : { bool: { must_not: [{ exists: { field: key } }] } },
          );
        else if (op === 'multiMatch') clauses.push({ multi_match: operand });
        else throw new TypeError(`Unsupported OpenSearch filter operator ${op}`);
      }
    }
  }
  return clauses;
}

function openSearchQuery(filter: unknown): unknown {
  if (!isPlainObject(filter)) throw new TypeError('The filter must be an object');
  return { bool: { must: openSearchClauses(filter) } };
}

/** OpenSearch is not used by this project; the documented shape (AND by default, `ne` as must_not) is kept. */
function toOpenSearchQuery(filter: unknown): string {
  return JSON.stringify(openSearchQuery(filter));
}

export function createExtensions() {
  return {
    setSubscriptionFilter(filter: unknown): void {
      current.state.extensions.subscriptionFilter = plainCopy(filter);
    },
    setSubscriptionInvalidationFilter(filter: unknown): void {
      current.state.extensions.subscriptionInvalidationFilter = plainCopy(filter);
    },
    invalidateSubscriptions(request: unknown): void {
      if (!isPlainObject(request) || typeof request.subscriptionField !== 'string') {
        throw new TypeError('invalidateSubscriptions expects { subscriptionField, payload }');
      }
      const payload = isPlainObject(request.payload)
        ? (plainCopy(request.payload) as Record<string, unknown>)
        : {};
      current.state.extensions.invalidations.push({ subscriptionField: request.subscriptionField, payload });
    },
    evictFromApiCache(typeName: unknown, fieldName: unknown, keys: unknown): void {
      if (typeof typeName !== 'string' || typeof fieldName !== 'string' || !isPlainObject(keys)) {
        throw new TypeError('evictFromApiCache expects (typeName, fieldName, keyValuePair)');
      }
      current.state.extensions.cacheEvictions.push({
        typeName,
        fieldName,
        keys: plainCopy(keys) as Record<string, unknown>,
      });
    },
  };
}

export function createRuntime() {
  return {
    earlyReturn(value?: unknown, options?: unknown): never {
      const skipTo =
        isPlainObject(options) && (options.skipTo === 'END' || options.skipTo === 'NEXT')
          ? options.skipTo
          : undefined;
      throw new EarlyReturnSignal(value, skipTo);
    },
  };
}

function formatLogArgument(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return '[Function]';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `console.*` → EvaluateCode `logs`; `where` finds the caller's line and column. */
export function createConsole(where: () => { line: number; column: number } | null) {
  const write =
    (level: 'INFO' | 'ERROR' | 'WARN' | 'DEBUG') =>
    (...args: unknown[]): void => {
      const { state } = current;
      // A line nobody keeps costs no call-site lookup or formatting.
      if (state.logLevels !== null && !state.logLevels.includes(level)) return;
      state.logs.push({ level, ...(where() ?? {}), message: args.map(formatLogArgument).join(' ') });
    };
  return {
    log: write('INFO'),
    info: write('INFO'),
    debug: write('DEBUG'),
    warn: write('WARN'),
    error: write('ERROR'),
  };
}
