/**
 * Verifies AWS Signature Version 4 on requests to the twin: the same canonical request is signed again with
 * the secret of the access key it names (the twin's local credentials, which its Lambdas receive) and the
 * signatures are compared. Messages and types are AWS's for these failures
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/signature-v4-troubleshooting.html); AppSync answers them
 * with HTTP 403 (https://github.com/aws-amplify/amplify-js/issues/2422).
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, timingSafeEqual } from 'node:crypto';
import { UnauthorizedRequest } from './errors';

/** What the server received, byte for byte where the signature covers it. */
export interface SignableRequest {
  readonly method: string;
  /** The path as sent (still percent-encoded), without the query string. */
  readonly path: string;
  /** The query string as sent, without `?`. */
  readonly query: string;
  readonly body: string;
}

export interface SigV4Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface SigV4Options {
  readonly region: string;
  readonly service: string;
  readonly credentials: readonly SigV4Credentials[];
  readonly nowMs: () => number;
}

interface ParsedAuthorization {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
/** AWS accepts a signature made at most 5 minutes before or after its clock. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

function invalidSignature(message: string): UnauthorizedRequest {
  return new UnauthorizedRequest(message, 'InvalidSignatureException', 403);
}

function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function parse(authorization: string): ParsedAuthorization {
  const match = AUTHORIZATION.exec(authorization.trim());
  if (!match) {
    throw new UnauthorizedRequest(
      `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. Authorization=${authorization}`,
      'IncompleteSignatureException',
      403,
    );
  }
  const [, accessKeyId = '', date = '', region = '', service = '', signedHeaders = '', signature = ''] =
    match;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

/** Checks the request's SigV4 signature; returns the access key id it was made with. */
export async function verifySigV4(
  authorization: string,
  headers: Readonly<Record<string, string>>,
  request: SignableRequest,
  options: SigV4Options,
): Promise<string> {
  const parsed = parse(authorization);
  const credentials = options.credentials.find((candidate) => candidate.accessKeyId === parsed.accessKeyId);
  if (!credentials)
    throw new UnauthorizedRequest(
      'The security token included in the request is invalid.',
      'UnrecognizedClientException',
      403,
    );
  if (parsed.region !== options.region)
    throw invalidSignature(`Credential should be scoped to a valid region, not '${parsed.region}'. `);
  if (parsed.service !== options.service)
    throw invalidSignature(`Credential should be scoped to correct service: '${options.service}'. `);
  const dateHeader = headers['x-amz-date'] ?? '';
  const date = AMZ_DATE.exec(dateHeader);
  if (!date || !dateHeader.startsWith(parsed.date)) throw invalidSignature(SIGNATURE_MISMATCH);
  const [, year, month, day, hour, minute, second] = date;
  const signedAt = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second!);
  const now = options.nowMs();
  if (signedAt < now - CLOCK_SKEW_MS)
    throw invalidSignature(
      `Signature expired: ${dateHeader} is now earlier than ${amzDate(now - CLOCK_SKEW_MS)} (${amzDate(now)} - 5 min.)`,
    );
  if (signedAt > now + CLOCK_SKEW_MS)
    throw invalidSignature(
      `Signature not yet current: ${dateHeader} is still later than ${amzDate(now + CLOCK_SKEW_MS)} (${amzDate(now)} + 5 min.)`,
    );
  if (!parsed.signedHeaders.includes('host')) throw invalidSignature(SIGNATURE_MISMATCH);

  // Only the headers the client signed take part, exactly as received.
  const signed: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = headers[name];
    if (value === undefined) throw invalidSignature(SIGNATURE_MISMATCH);
    signed[name] = value;
  }
  // A signed payload hash stands for the body in the signature, so it must be the hash of this body.
  const payloadHash = signed['x-amz-content-sha256'];
  if (payloadHash !== undefined && payloadHash !== createHash('sha256').update(request.body).digest('hex'))
    throw invalidSignature(SIGNATURE_MISMATCH);
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(request.query)) {
    const previous = query[key];
    query[key] =
      previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const signer = new SignatureV4({
    service: parsed.service,
    region: parsed.region,
    sha256: Sha256,
    applyChecksum: false,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(signed['x-amz-security-token'] ? { sessionToken: signed['x-amz-security-token'] } : {}),
    },
  });
  const resigned = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: signed.host ?? '',
      path: request.path,
      query,
      headers: signed,
      body: request.body,
    },
    { signingDate: new Date(signedAt), signableHeaders: new Set(parsed.signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(resigned.headers.authorization ?? ''))?.[1] ?? '';
  const matches =
    expected.length === parsed.signature.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(parsed.signature));
  if (!matches) throw invalidSignature(SIGNATURE_MISMATCH);
  return parsed.accessKeyId;
}
