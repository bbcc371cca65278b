import { readFileSync } from 'node:fs';
import { readStackArtifact, type CfnTemplate, type FileAsset } from './cloud-assembly';
import { AssemblyError } from './errors';
import { IntrinsicResolver, type LocalEnvironment } from './intrinsics';
import { withoutLocalUse } from './local-use';
import {
  EFFECT_EMULATED_CUSTOM_TYPES,
  EMULATED_TYPES,
  noLocalEffectReason,
  resourceNoLocalEffectReason,
} from './resource-types';

export interface StackResource {
  readonly logicalId: string;
  readonly type: string;
  /** Raw properties, intrinsics unresolved. */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** A stack read from a cloud assembly: the resources to emulate and what the twin will not do. */
export interface StackModel {
  readonly stackName: string;
  readonly template: CfnTemplate;
  readonly resources: readonly StackResource[];
  /** Resource types present that have no local effect, with why (reported once at start). */
  readonly noLocalEffect: ReadonlyMap<string, { readonly reason: string; readonly count: number }>;
  /** Properties accepted without a local effect or not supported locally, one line each. */
  readonly notes: readonly string[];
  readonly resolver: IntrinsicResolver;
  readonly assets: readonly FileAsset[];
}

export const LOCAL_ACCOUNT_ID = '000000000000';

export function localEnvironment(stackName: string, region: string): LocalEnvironment {
  return { accountId: LOCAL_ACCOUNT_ID, region, partition: 'aws', stackName, urlSuffix: 'amazonaws.com' };
}

/**
 * Reads and checks a stack: every resource type is either emulated, known to have no local effect, or
 * an error; properties the twin cannot honour become notes (or errors when running without them would
 * be misleading, such as VTL templates). All problems are reported together.
 */
export function readStackModel(
  assemblyDir: string,
  options: { stackName?: string; region: string },
): StackModel {
  const artifact = readStackArtifact(assemblyDir, options.stackName);
  const resolver = new IntrinsicResolver(
    artifact.template,
    localEnvironment(artifact.stackName, options.region),
  );
  const resources: StackResource[] = [];
  const notes = new Set<string>();
  const errors: string[] = [];

  const withoutEffect = new Map<string, { reasons: Set<string>; count: number }>();
  const countNoLocalEffect = (type: string, reason: string): void => {
    const seen = withoutEffect.get(type) ?? { reasons: new Set<string>(), count: 0 };
    seen.reasons.add(reason);
    seen.count += 1;
    withoutEffect.set(type, seen);
  };

  const active = Object.entries(artifact.template.Resources).filter(
    ([, resource]) => !resource.Condition || resolver.conditionHolds(resource.Condition),
  );
  const unused = withoutLocalUse(active, noLocalEffectReason, EFFECT_EMULATED_CUSTOM_TYPES);
  for (const [logicalId, resource] of active) {
    const properties = resource.Properties ?? {};
    const unusedReason = unused.get(logicalId);
    if (unusedReason !== undefined) {
      countNoLocalEffect(resource.Type, unusedReason);
      continue;
    }
    const resourceReason = resourceNoLocalEffectReason(resource.Type, properties);
    if (resourceReason !== undefined) {
      countNoLocalEffect(resource.Type, resourceReason);
      continue;
    }
    const rules = EMULATED_TYPES[resource.Type];
    if (!rules) {
      const reason = noLocalEffectReason(resource.Type);
      if (reason === undefined) {
        errors.push(`${logicalId}: resource type ${resource.Type} is not supported by the local twin`);
        continue;
      }
      countNoLocalEffect(resource.Type, reason);
      continue;
    }
    if (!rules.emulated.includes('*')) {
      for (const property of Object.keys(properties)) {
        if (rules.emulated.includes(property)) continue;
        const rejected = rules.rejected?.[property];
        if (rejected) {
          errors.push(`${logicalId} (${resource.Type}): ${property}: ${rejected}`);
          continue;
        }
        const ignored = rules.ignored?.[property];
        notes.add(
          ignored
            ? `${resource.Type}.${property} has no local effect: ${ignored}`
            : `${resource.Type}.${property} (${logicalId}) is not supported by the local twin and is ignored`,
        );
      }
    }
    resources.push({ logicalId, type: resource.Type, properties });
  }
  if (errors.length > 0) {
    throw new AssemblyError(`Stack ${artifact.stackName} cannot run locally:\n  - ${errors.join('\n  - ')}`);
  }
  return {
    stackName: artifact.stackName,
    template: artifact.template,
    resources,
    noLocalEffect: new Map(
      [...withoutEffect].map(([type, { reasons, count }]) => [
        type,
        { reason: [...reasons].join('; '), count },
      ]),
    ),
    notes: [...notes],
    resolver,
    assets: artifact.assets,
  };
}

export function resourcesOfType(model: StackModel, type: string): StackResource[] {
  return model.resources.filter((resource) => resource.type === type);
}

/** Finds the asset an S3 location (`s3://bucket/key`, or bucket + key) points at. */
export function findAsset(model: StackModel, objectKeyOrUri: string, where: string): FileAsset {
  const key = objectKeyOrUri.replace(/^s3:\/\/[^/]+\//, '');
  const asset = model.assets.find((candidate) => candidate.objectKey === key);
  if (!asset) throw new AssemblyError(`${where}: asset ${key} is not in the cloud assembly's asset manifest`);
  return asset;
}

export function readAssetText(model: StackModel, objectKeyOrUri: string, where: string): string {
  const asset = findAsset(model, objectKeyOrUri, where);
  if (asset.packaging !== 'file')
    throw new AssemblyError(`${where}: asset ${asset.objectKey} is a directory`);
  return readFileSync(asset.path, 'utf8');
}
