import { DataSourceRequestError } from './errors';

/** Reads a request object the way AppSync does: JSON only, unknown elements rejected, `$[a][b]` paths. */
export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function elementPath(path: readonly (string | number)[]): string {
  return '$' + path.map((part) => `[${part}]`).join('');
}

export function requireRecord(value: unknown, path: readonly (string | number)[]): JsonRecord {
  if (value === undefined || value === null) {
    throw new DataSourceRequestError(`Missing required element '${elementPath(path)}'.`);
  }
  if (!isRecord(value)) {
    throw new DataSourceRequestError(`Expected JSON object for element '${elementPath(path)}'.`);
  }
  return value;
}

export function optionalRecord(value: unknown, path: readonly (string | number)[]): JsonRecord | undefined {
  return value === undefined || value === null ? undefined : requireRecord(value, path);
}

export function requireArray(value: unknown, path: readonly (string | number)[]): unknown[] {
  if (value === undefined || value === null) {
    throw new DataSourceRequestError(`Missing required element '${elementPath(path)}'.`);
  }
  if (!Array.isArray(value)) {
    throw new DataSourceRequestError(`Expected JSON array for element '${elementPath(path)}'.`);
  }
  return value;
}

export function requireString(value: unknown, path: readonly (string | number)[]): string {
  if (value === undefined || value === null) {
    throw new DataSourceRequestError(`Missing required element '${elementPath(path)}'.`);
  }
  if (typeof value !== 'string') {
    throw new DataSourceRequestError(`Expected string for element '${elementPath(path)}'.`);
  }
  return value;
}

export function optionalString(value: unknown, path: readonly (string | number)[]): string | undefined {
  return value === undefined || value === null ? undefined : requireString(value, path);
}

export function optionalBoolean(value: unknown, path: readonly (string | number)[]): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    throw new DataSourceRequestError(`Expected boolean for element '${elementPath(path)}'.`);
  }
  return value;
}

export function optionalInteger(value: unknown, path: readonly (string | number)[]): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new DataSourceRequestError(`Expected integer for element '${elementPath(path)}'.`);
  }
  return value;
}

/** AppSync rejects elements an operation does not define (`Unsupported element '$[x]'.`). */
export function rejectUnknownElements(
  value: JsonRecord,
  allowed: ReadonlySet<string>,
  path: readonly (string | number)[] = [],
): void {
  for (const [name, element] of Object.entries(value)) {
    if (element === undefined) continue;
    if (!allowed.has(name)) {
      throw new DataSourceRequestError(`Unsupported element '${elementPath([...path, name])}'.`);
    }
  }
}

/** JS resolvers need no `version`; if one is given it must be a known template version. */
export function checkVersion(request: JsonRecord): void {
  const version = request['version'];
  if (version === undefined || version === null) return;
  if (version !== '2017-02-28' && version !== '2018-05-29') {
    throw new DataSourceRequestError(
      `Unsupported version '${String(version)}'. Supported versions are '2017-02-28' and '2018-05-29'.`,
    );
  }
}
