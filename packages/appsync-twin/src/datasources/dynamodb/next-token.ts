import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { isRecord } from '../request-shape';
import type { AttributeMap } from './typed-values';

/**
 * `nextToken` is opaque and only valid for the resolver that issued it (as in AppSync, which encrypts
 * DynamoDB's LastEvaluatedKey). The key is sealed with AES-256-GCM and the resolver key is the
 * additional authenticated data, so a token replayed on another resolver or altered in any byte fails
 * to open. The outer shape mirrors AppSync's tokens: base64 of `{"version":…,"token":…}`.
 */
const TOKEN_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface NextTokenSealer {
  seal(lastEvaluatedKey: AttributeMap, resolverKey: string): string;
  /** The DynamoDB ExclusiveStartKey, or `undefined` when the token is foreign, tampered or malformed. */
  open(token: string, resolverKey: string): AttributeMap | undefined;
}

type KeyAttribute = { S: string } | { N: string } | { B: string };

function encodeKey(key: AttributeMap): Record<string, KeyAttribute> {
  const encoded: Record<string, KeyAttribute> = {};
  for (const [name, value] of Object.entries(key)) {
    if (value.S !== undefined) encoded[name] = { S: value.S };
    else if (value.N !== undefined) encoded[name] = { N: value.N };
    else if (value.B !== undefined) encoded[name] = { B: Buffer.from(value.B).toString('base64') };
    else throw new Error(`Unexpected key attribute type for ${name}`);
  }
  return encoded;
}

function decodeKey(value: unknown): AttributeMap | undefined {
  if (!isRecord(value)) return undefined;
  const key: AttributeMap = {};
  for (const [name, attribute] of Object.entries(value)) {
    if (!isRecord(attribute)) return undefined;
    const { S, N, B } = attribute;
    let decoded: AttributeValue;
    if (typeof S === 'string') decoded = { S };
    else if (typeof N === 'string') decoded = { N };
    else if (typeof B === 'string') decoded = { B: new Uint8Array(Buffer.from(B, 'base64')) };
    else return undefined;
    key[name] = decoded;
  }
  return key;
}

export function createNextTokenSealer(secret: string | Uint8Array): NextTokenSealer {
  if (secret.length === 0) throw new Error('A non-empty secret is required to seal nextTokens');
  const key = createHash('sha256').update('appsync-twin-next-token\0').update(secret).digest();
  return {
    seal(lastEvaluatedKey, resolverKey) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(resolverKey, 'utf8'));
      const body = Buffer.concat([
        cipher.update(JSON.stringify(encodeKey(lastEvaluatedKey)), 'utf8'),
        cipher.final(),
      ]);
      const sealed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
      return Buffer.from(JSON.stringify({ version: TOKEN_VERSION, token: sealed }), 'utf8').toString(
        'base64',
      );
    },
    open(token, resolverKey) {
      try {
        const outer: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
        if (!isRecord(outer) || outer['version'] !== TOKEN_VERSION || typeof outer['token'] !== 'string') {
          return undefined;
        }
        const raw = Buffer.from(outer['token'], 'base64url');
        if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(resolverKey, 'utf8'));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
        return decodeKey(JSON.parse(plain.toString('utf8')));
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The `ctx.error` AppSync gives a resolver for a token it cannot open, as observed on real APIs
 * (amplify-cli#3411, amplify-hosting#433). AWS documents neither the type nor the message; resolvers
 * should match the exception name in the message, which is what those reports agree on.
 */
export const INVALID_TOKEN_ERROR = {
  type: 'DynamoDB:UserIllegalArgumentException',
  message:
    'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
} as const;
