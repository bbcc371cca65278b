import type { CfnResource } from './cloud-assembly';

/** The logical ids a template value names through `Ref`, `Fn::GetAtt` or `Fn::Sub`. */
export function referencedLogicalIds(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedLogicalIds(item, found);
    return found;
  }
  if (typeof value !== 'object' || value === null) return found;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && typeof inner === 'string') {
      found.add(inner);
    } else if (key === 'Fn::GetAtt') {
      const target: unknown = Array.isArray(inner) ? inner[0] : String(inner).split('.')[0];
      if (typeof target === 'string') found.add(target);
    } else if (key === 'Fn::Sub') {
      const [text, variables] = Array.isArray(inner) ? inner : [inner, undefined];
      for (const match of String(text).matchAll(/\$\{([^}!.]+)[^}]*\}/g)) found.add(match[1] ?? '');
      referencedLogicalIds(variables, found);
    } else {
      referencedLogicalIds(inner, found);
    }
  }
  return found;
}

interface Referrer {
  readonly logicalId: string;
  readonly type: string;
  readonly property: string;
}

/**
 * Lambda functions and layers that only serve resources with no local effect have none either: the
 * provider functions of CDK's custom resources (the site's BucketDeployment, log retention) and the layers
 * of those functions. A function counts when a no-local-effect custom resource names it as `ServiceToken`
 * (or a custom resource whose effect the twin emulates itself, such as CDK's bucket notifications) and
 * nothing that runs locally refers to it; a layer when no function that runs locally lists it.
 * Returns the reason for each such logical id.
 */
export function withoutLocalUse(
  resources: ReadonlyArray<readonly [string, CfnResource]>,
  noLocalEffectReason: (type: string) => string | undefined,
  /** Custom resource types whose effect the twin emulates: their `ServiceToken` providers need not run. */
  effectEmulatedCustomTypes: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const referrers = new Map<string, Referrer[]>();
  for (const [logicalId, resource] of resources) {
    for (const [property, value] of Object.entries(resource.Properties ?? {})) {
      for (const target of referencedLogicalIds(value)) {
        if (target === logicalId) continue;
        referrers.set(target, [
          ...(referrers.get(target) ?? []),
          { logicalId, type: resource.Type, property },
        ]);
      }
    }
  }
  const unused = new Map<string, string>();
  const noLocalEffect = (referrer: Referrer): boolean =>
    unused.has(referrer.logicalId) ||
    noLocalEffectReason(referrer.type) !== undefined ||
    (referrer.property === 'ServiceToken' && effectEmulatedCustomTypes.has(referrer.type));
  // A provider framework can chain functions (custom resource → framework function → handler), so repeat
  // until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const [logicalId, resource] of resources) {
      if (unused.has(logicalId)) continue;
      const reason = unusedReason(resource.Type, referrers.get(logicalId) ?? [], noLocalEffect);
      if (reason !== undefined) {
        unused.set(logicalId, reason);
        changed = true;
      }
    }
  }
  return unused;
}

function unusedReason(
  type: string,
  referrers: readonly Referrer[],
  noLocalEffect: (referrer: Referrer) => boolean,
): string | undefined {
  if (!referrers.every(noLocalEffect)) return undefined;
  if (type === 'AWS::Lambda::LayerVersion') return 'used by no function that runs locally';
  if (type !== 'AWS::Lambda::Function') return undefined;
  const served = [
    ...new Set(
      referrers
        .filter(
          (referrer) => referrer.property === 'ServiceToken' || referrer.type === 'AWS::Lambda::Function',
        )
        .map((referrer) => referrer.type),
    ),
  ];
  return served.length > 0 ? `provider of ${served.join(', ')}` : undefined;
}
