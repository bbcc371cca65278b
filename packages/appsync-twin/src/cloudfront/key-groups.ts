import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StackModel } from '../assembly/stack-model';
import { resourcesOfType } from '../assembly/stack-model';

/** A CloudFront public key as the twin deploys it, with the private key that pairs with it. */
export interface LocalKeyPair {
  readonly logicalId: string;
  /** The public key id (`Ref`), what `Key-Pair-Id` / `CloudFront-Key-Pair-Id` carry. */
  readonly keyPairId: string;
  readonly publicKey: KeyObject;
  readonly privateKeyPem: string;
}

/** Public key ids look like `K2JCJMDEHXQW5F`; locally a stable one is derived from the logical id. */
function localKeyPairId(logicalId: string): string {
  return `K${createHash('sha256').update(logicalId).digest('hex').slice(0, 13).toUpperCase()}`;
}

function privateKeyPem(file: string | null): string {
  if (file && existsSync(file)) return readFileSync(file, 'utf8');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, pem, { mode: 0o600 });
  }
  return pem;
}

/**
 * Deploys every `AWS::CloudFront::PublicKey` with a key pair of the twin's own, kept per data directory
 * (`cloudfront-keys/<logical id>.pem`; throw-away in memory without one). The assembly's `EncodedKey` is not
 * used: its private key is, by design, nowhere the twin can read, just as the local Cognito signs tokens
 * with keys of its own. Whoever signs locally takes the private key from here (the start flow puts it in
 * the signing function's secret, as an operator does on AWS).
 */
export function provideKeyPairs(model: StackModel, dataDir: string | undefined): LocalKeyPair[] {
  return resourcesOfType(model, 'AWS::CloudFront::PublicKey').map((resource) => {
    const keyPairId = localKeyPairId(resource.logicalId);
    model.resolver.provide(resource.logicalId, { ref: keyPairId, attributes: { Id: keyPairId } });
    const pem = privateKeyPem(
      dataDir ? path.join(dataDir, 'cloudfront-keys', `${resource.logicalId}.pem`) : null,
    );
    return { logicalId: resource.logicalId, keyPairId, publicKey: createPublicKey(pem), privateKeyPem: pem };
  });
}

/** Key group id (`Ref`) → the public keys it trusts, by key id. */
export type TrustedKeyGroups = ReadonlyMap<string, ReadonlyMap<string, KeyObject>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads every `AWS::CloudFront::KeyGroup` (after the public keys are provided). */
export function readKeyGroups(model: StackModel, keyPairs: readonly LocalKeyPair[]): TrustedKeyGroups {
  const groups = new Map<string, Map<string, KeyObject>>();
  for (const resource of resourcesOfType(model, 'AWS::CloudFront::KeyGroup')) {
    const groupId = `KG-${resource.logicalId}`;
    model.resolver.provide(resource.logicalId, { ref: groupId, attributes: { Id: groupId } });
    const props = model.resolver.resolve(resource.properties, resource.logicalId);
    const config = isRecord(props) && isRecord(props.KeyGroupConfig) ? props.KeyGroupConfig : {};
    const items = Array.isArray(config.Items) ? config.Items.map(String) : [];
    const keys = new Map<string, KeyObject>();
    for (const id of items) {
      const pair = keyPairs.find((candidate) => candidate.keyPairId === id);
      if (pair) keys.set(id, pair.publicKey);
    }
    groups.set(groupId, keys);
  }
  return groups;
}
