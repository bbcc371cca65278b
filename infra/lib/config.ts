import type { Node } from 'constructs';

/** Settings read from `cdk.json` context (override with `-c key=value`). */
export interface MarqueeConfig {
  /** `dev` keeps introspection on and lets stateful resources be destroyed; `prod` retains them. */
  readonly stage: string;
  readonly introspection: boolean;
  /** Extra origins (the Vite dev server) allowed by the media bucket's CORS rules, besides the CloudFront site. */
  readonly devOrigins: readonly string[];
  readonly isProduction: boolean;
}

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
  return { stage, introspection, devOrigins: isProduction ? [] : devOrigins, isProduction };
}
