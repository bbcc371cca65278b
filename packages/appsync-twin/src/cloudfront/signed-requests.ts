import { verify, type KeyObject } from 'node:crypto';
import { BlockList, isIPv4 } from 'node:net';
import { wildcardMatches } from './patterns';

/** A refusal as CloudFront answers it: 403 with an XML error body. */
export interface SignatureRefusal {
  readonly code: 'MissingKey' | 'InvalidKey' | 'AccessDenied';
  readonly message: string;
}

export interface SignedRequest {
  /** The viewer's URL, signing parameters included (scheme, host, path, query). */
  readonly url: URL;
  readonly cookies: ReadonlyMap<string, string>;
  /** Public keys of the behavior's trusted key groups, by key id. */
  readonly trustedKeys: ReadonlyMap<string, KeyObject>;
  /** Seconds since the epoch. */
  readonly nowSeconds: number;
  readonly sourceIp: string;
}

const URL_PARAMS = ['Expires', 'Policy', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm'] as const;
type SigningField = (typeof URL_PARAMS)[number];

/**
 * CloudFront's URL-safe base64: `+` → `-`, `=` → `_`, `/` → `~`
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html).
 */
function decodeCloudFrontBase64(value: string): Buffer {
  return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');
}

const DENIED: SignatureRefusal = { code: 'AccessDenied', message: 'Access denied' };

/**
 * The signing fields of a request: from the query string when it carries any (a signed URL wins over
 * cookies), else from the `CloudFront-*` cookies
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-signed-cookies.html).
 */
function signingFields(request: SignedRequest): {
  fields: Partial<Record<SigningField, string>>;
  resourceUrl: string;
} {
  const query = request.url.searchParams;
  const fromUrl = URL_PARAMS.some((name) => query.has(name));
  const fields: Partial<Record<SigningField, string>> = {};
  for (const name of URL_PARAMS) {
    const value = fromUrl ? query.get(name) : request.cookies.get(`CloudFront-${name}`);
    if (value !== null && value !== undefined) fields[name] = value;
  }
  const unsigned = new URL(request.url.href);
  for (const name of URL_PARAMS) unsigned.searchParams.delete(name);
  // `URLSearchParams` re-serializes; keep the viewer's own query text when nothing was removed.
  const resourceUrl = fromUrl ? unsigned.href.replace(/\?$/, '') : request.url.href;
  return { fields, resourceUrl };
}

interface PolicyStatement {
  Resource?: unknown;
  Condition?: {
    DateLessThan?: { 'AWS:EpochTime'?: unknown };
    DateGreaterThan?: { 'AWS:EpochTime'?: unknown };
    IpAddress?: { 'AWS:SourceIp'?: unknown };
  };
}

function ipAllowed(cidr: string, sourceIp: string): boolean {
  const [address, bits] = cidr.split('/');
  if (!address || !isIPv4(address) || !isIPv4(sourceIp)) return false;
  const list = new BlockList();
  list.addSubnet(address, bits === undefined ? 32 : Number(bits), 'ipv4');
  return list.check(sourceIp, 'ipv4');
}

/** Whether a policy's one statement lets this request through at this time from this address. */
function statementAllows(statement: PolicyStatement, request: SignedRequest, resourceUrl: string): boolean {
  const condition = statement.Condition ?? {};
  const lessThan = Number(condition.DateLessThan?.['AWS:EpochTime']);
  if (!Number.isFinite(lessThan) || request.nowSeconds >= lessThan) return false;
  const greaterThan = condition.DateGreaterThan?.['AWS:EpochTime'];
  if (greaterThan !== undefined && !(request.nowSeconds > Number(greaterThan))) return false;
  const cidr = condition.IpAddress?.['AWS:SourceIp'];
  if (cidr !== undefined && !ipAllowed(String(cidr), request.sourceIp)) return false;
  // A custom policy may leave the resource out: it then covers every URL of the distribution.
  return statement.Resource === undefined || wildcardMatches(String(statement.Resource), resourceUrl);
}

/**
 * Checks a request to a behavior with trusted key groups as CloudFront does: a canned policy (`Expires`)
 * or a custom one (`Policy`), signed with RSA-SHA1 (or SHA-256 when `Hash-Algorithm` says so) by the private
 * key of a trusted public key. Returns null when the request may pass. AWS documents no bodies; these are
 * the ones CloudFront is observed to send (e.g. https://github.com/jasonsims/aws-cloudfront-sign/issues/74).
 */
export function refuseSignedRequest(request: SignedRequest): SignatureRefusal | null {
  const { fields, resourceUrl } = signingFields(request);
  const keyPairId = fields['Key-Pair-Id'];
  if (!keyPairId)
    return { code: 'MissingKey', message: 'Missing Key-Pair-Id query parameter or cookie value' };
  const publicKey = request.trustedKeys.get(keyPairId);
  if (!publicKey) return { code: 'InvalidKey', message: 'Unknown Key' };
  if (!fields.Signature) return DENIED;
  const algorithm = fields['Hash-Algorithm'] === 'SHA256' ? 'sha256' : 'sha1';
  if (fields['Hash-Algorithm'] !== undefined && !['SHA1', 'SHA256'].includes(fields['Hash-Algorithm']))
    return DENIED;

  let policyText: string;
  if (fields.Policy !== undefined) {
    policyText = decodeCloudFrontBase64(fields.Policy).toString('utf8');
  } else if (fields.Expires !== undefined && /^\d+$/.test(fields.Expires)) {
    policyText = JSON.stringify({
      Statement: [
        { Resource: resourceUrl, Condition: { DateLessThan: { 'AWS:EpochTime': Number(fields.Expires) } } },
      ],
    });
  } else {
    return DENIED;
  }
  const signature = decodeCloudFrontBase64(fields.Signature);
  if (!verify(algorithm, Buffer.from(policyText, 'utf8'), publicKey, signature)) return DENIED;
  let statements: unknown;
  try {
    statements = (JSON.parse(policyText) as { Statement?: unknown }).Statement;
  } catch {
    return DENIED;
  }
  // CloudFront policies carry exactly one statement.
  if (!Array.isArray(statements) || statements.length !== 1) return DENIED;
  return statementAllows(statements[0] as PolicyStatement, request, resourceUrl) ? null : DENIED;
}

/** The body CloudFront sends with a refusal. */
export function refusalBody(refusal: SignatureRefusal): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${refusal.code}</Code><Message>${refusal.message}</Message></Error>`;
}

/** `Cookie: a=1; b=2` → a map (the last of repeated names wins). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}
