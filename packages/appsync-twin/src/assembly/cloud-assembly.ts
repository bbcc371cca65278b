import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AssemblyError } from './errors';

/** A CloudFormation template as the CDK synthesizes it. */
export interface CfnTemplate {
  readonly Resources: Readonly<Record<string, CfnResource>>;
  readonly Outputs?: Readonly<Record<string, { readonly Value: unknown; readonly Description?: string }>>;
  readonly Parameters?: Readonly<Record<string, { readonly Type: string; readonly Default?: unknown }>>;
  readonly Conditions?: Readonly<Record<string, unknown>>;
  readonly Mappings?: Readonly<Record<string, Record<string, Record<string, unknown>>>>;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
  readonly Condition?: string;
  readonly DependsOn?: unknown;
}

/** One file asset of a stack, keyed by the S3 object key the template refers to. */
export interface FileAsset {
  readonly objectKey: string;
  /** Absolute path in the cloud assembly: a file (`packaging: file`) or a directory (`zip`). */
  readonly path: string;
  readonly packaging: 'file' | 'zip';
}

export interface StackArtifact {
  readonly stackName: string;
  readonly template: CfnTemplate;
  readonly assets: readonly FileAsset[];
}

interface ManifestArtifact {
  type?: string;
  displayName?: string;
  properties?: { templateFile?: string; file?: string; stackName?: string };
  dependencies?: string[];
}

function readJson(file: string, what: string): unknown {
  if (!existsSync(file)) throw new AssemblyError(`${what} not found: ${file}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AssemblyError(`${what} is not valid JSON (${file}): ${(error as Error).message}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readAssets(assemblyDir: string, manifestFile: string): FileAsset[] {
  const manifest = readJson(path.join(assemblyDir, manifestFile), 'Asset manifest');
  const files = isRecord(manifest) && isRecord(manifest.files) ? manifest.files : {};
  const assets: FileAsset[] = [];
  for (const entry of Object.values(files)) {
    if (!isRecord(entry) || !isRecord(entry.source) || !isRecord(entry.destinations)) continue;
    const source = entry.source;
    if (typeof source.path !== 'string') continue;
    const packaging = source.packaging === 'zip' ? 'zip' : 'file';
    for (const destination of Object.values(entry.destinations)) {
      if (isRecord(destination) && typeof destination.objectKey === 'string') {
        assets.push({
          objectKey: destination.objectKey,
          path: path.resolve(assemblyDir, source.path),
          packaging,
        });
      }
    }
  }
  return assets;
}

/**
 * Reads `manifest.json` of a cloud assembly (the output of `cdk synth`) and returns the stack to run:
 * the named one, or the only one.
 */
export function readStackArtifact(assemblyDir: string, stackName?: string): StackArtifact {
  const manifest = readJson(path.join(assemblyDir, 'manifest.json'), 'Cloud assembly manifest');
  const artifacts = isRecord(manifest) && isRecord(manifest.artifacts) ? manifest.artifacts : {};
  const stacks = Object.entries(artifacts as Record<string, ManifestArtifact>).filter(
    ([, artifact]) => artifact.type === 'aws:cloudformation:stack',
  );
  if (stacks.length === 0) throw new AssemblyError(`The cloud assembly in ${assemblyDir} contains no stack`);
  const names = stacks.map(([id, artifact]) => artifact.properties?.stackName ?? id);
  let chosen: [string, ManifestArtifact] | undefined;
  if (stackName) {
    chosen = stacks.find(
      ([id, artifact]) => (artifact.properties?.stackName ?? id) === stackName || id === stackName,
    );
    if (!chosen)
      throw new AssemblyError(
        `Stack "${stackName}" is not in the cloud assembly (it has: ${names.join(', ')})`,
      );
  } else if (stacks.length === 1) {
    chosen = stacks[0];
  } else {
    throw new AssemblyError(
      `The cloud assembly has several stacks (${names.join(', ')}); name one with stackName`,
    );
  }
  if (!chosen) throw new AssemblyError('No stack chosen');
  const [artifactId, artifact] = chosen;
  const templateFile = artifact.properties?.templateFile;
  if (!templateFile) throw new AssemblyError(`Stack ${artifactId} has no template file in the manifest`);
  const template = readJson(path.join(assemblyDir, templateFile), `Template of stack ${artifactId}`);
  if (!isRecord(template) || !isRecord(template.Resources)) {
    throw new AssemblyError(`Template ${templateFile} has no Resources section`);
  }
  const assets: FileAsset[] = [];
  for (const dependency of artifact.dependencies ?? []) {
    const dep = artifacts[dependency] as ManifestArtifact | undefined;
    if (dep?.type === 'cdk:asset-manifest' && dep.properties?.file) {
      assets.push(...readAssets(assemblyDir, dep.properties.file));
    }
  }
  return {
    stackName: artifact.properties?.stackName ?? artifact.displayName ?? artifactId,
    template: template as unknown as CfnTemplate,
    assets,
  };
}
