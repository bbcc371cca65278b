import type { Node } from 'constructs';

/** Settings read from `cdk.json` context (override with `-c key=value`). */
export interface MarqueeConfig {
  /** `dev` keeps introspection on and lets stateful resources be destroyed; `prod` retains them. */
  readonly stage: string;
  readonly introspection: boolean;
  /** Extra origins (the Vite dev server) allowed by the media bucket's CORS rules, besides the CloudFront site. */
  readonly devOrigins: readonly string[];
  readonly isProduction: boolean;
  /**
   * PEM of the CloudFront playback public key (`-c marquee:playbackPublicKey="$(cat public_key.pem)"`). Required
   * for `prod`; elsewhere a placeholder stands in, which CloudFormation refuses to deploy and the local twin
   * replaces with a key pair of its own.
   */
  readonly playbackPublicKey: string;
}

/** What stands in for the playback public key when none is configured (not a key: a deploy fails on it). */
export const PLACEHOLDER_PLAYBACK_PUBLIC_KEY =
  '-----BEGIN PUBLIC KEY-----\nNOT-CONFIGURED-see-docs-api-md-playback-key-pair\n-----END PUBLIC KEY-----\n';

export function readConfig(node: Node): MarqueeConfig {
  const stage = String(node.tryGetContext('marquee:stage') ?? 'dev');
  const introspectionByStage: unknown = node.tryGetContext('marquee:introspection');
  const introspection =
    typeof introspectionByStage === 'object' && introspectionByStage !== null && stage in introspectionByStage
      ? Boolean((introspectionByStage as Record<string, unknown>)[stage])
      : stage !== 'prod';
  const devOriginsValue: unknown = node.tryGetContext('marquee:devOrigins');
  const devOrigins = Array.isArray(devOriginsValue) ? devOriginsValue.map(String) : [];
  const isProduction = stage === 'prod';
  const configuredKey: unknown = node.tryGetContext('marquee:playbackPublicKey');
  if (isProduction && (typeof configuredKey !== 'string' || configuredKey.trim() === ''))
    throw new Error(
      'marquee:playbackPublicKey is required for prod: pass the PEM of the CloudFront playback public key with -c (docs/api.md, "Playback key pair").',
    );
  const playbackPublicKey =
    typeof configuredKey === 'string' && configuredKey.trim() !== ''
      ? configuredKey
      : PLACEHOLDER_PLAYBACK_PUBLIC_KEY;
  return {
    stage,
    introspection,
    devOrigins: isProduction ? [] : devOrigins,
    isProduction,
    playbackPublicKey,
  };
}
