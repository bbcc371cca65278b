import { wildcardMatches } from './patterns';

/** One statement of a bucket policy, intrinsics resolved. */
interface PolicyStatement {
  readonly Effect?: unknown;
  readonly Principal?: unknown;
  readonly Action?: unknown;
  readonly Resource?: unknown;
  readonly Condition?: unknown;
}

const CLOUDFRONT_SERVICE = 'cloudfront.amazonaws.com';

function list(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function coversCloudFront(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!isRecord(principal)) return false;
  if (list(principal.AWS).includes('*')) return true;
  return list(principal.Service).includes(CLOUDFRONT_SERVICE);
}

function coversGetObject(action: unknown): boolean {
  return list(action).some((a) => typeof a === 'string' && wildcardMatches(a, 's3:GetObject'));
}

function coversObject(resource: unknown, objectArn: string): boolean {
  return list(resource).some((r) => typeof r === 'string' && wildcardMatches(r, objectArn));
}

/**
 * Whether a statement's conditions hold for a CloudFront origin request of `distributionArn`. Only the
 * conditions CDK writes are understood: `StringEquals`/`ArnLike` on `AWS:SourceArn`, and
 * `Bool aws:SecureTransport` (an origin request through origin access control is always HTTPS). Anything
 * else is unknown, and `unknown` decides by the statement's effect, in the safe direction.
 */
function conditionsHold(condition: unknown, distributionArn: string, unknown: boolean): boolean {
  if (condition === undefined) return true;
  if (!isRecord(condition)) return unknown;
  for (const [operator, tests] of Object.entries(condition)) {
    if (!isRecord(tests)) return unknown;
    for (const [key, expected] of Object.entries(tests)) {
      const name = key.toLowerCase();
      const values = list(expected).map(String);
      if (name === 'aws:sourcearn' && operator === 'StringEquals') {
        if (!values.includes(distributionArn)) return false;
      } else if (name === 'aws:sourcearn' && operator === 'ArnLike') {
        if (!values.some((value) => wildcardMatches(value, distributionArn))) return false;
      } else if (name === 'aws:securetransport' && operator === 'Bool') {
        if (!values.includes('true')) return false;
      } else {
        return unknown;
      }
    }
  }
  return true;
}

/**
 * Whether the bucket policies let the distribution read the object, as S3 decides for an origin request
 * signed by origin access control: an explicit Deny wins, then an Allow is needed.
 */
export function distributionMayRead(
  policies: readonly unknown[],
  distributionArn: string,
  objectArn: string,
): boolean {
  const statements = policies
    .flatMap((policy) => (isRecord(policy) ? list(policy.Statement) : []))
    .filter(isRecord) as PolicyStatement[];
  const applies = (statement: PolicyStatement, unknown: boolean) =>
    coversCloudFront(statement.Principal) &&
    coversGetObject(statement.Action) &&
    coversObject(statement.Resource, objectArn) &&
    conditionsHold(statement.Condition, distributionArn, unknown);
  if (statements.some((s) => s.Effect === 'Deny' && applies(s, true))) return false;
  return statements.some((s) => s.Effect === 'Allow' && applies(s, false));
}
