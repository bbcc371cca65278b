import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface TemplateResource {
  Type?: string;
  Properties?: { Handler?: unknown };
  Metadata?: Record<string, unknown>;
}

function pascalCase(kebab: string): string {
  return kebab
    .split(/[-_]/)
    .map((part) => (part ? part[0]?.toUpperCase() + part.slice(1) : ''))
    .join('');
}

function stackTemplate(assemblyDir: string, stackName: string): Record<string, TemplateResource> {
  const manifest = JSON.parse(readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8')) as {
    artifacts?: Record<string, { type?: string; properties?: { templateFile?: string } }>;
  };
  const artifact = manifest.artifacts?.[stackName];
  const templateFile = artifact?.properties?.templateFile;
  if (!templateFile) throw new Error(`The cloud assembly has no stack ${stackName}`);
  const template = JSON.parse(readFileSync(path.join(assemblyDir, templateFile), 'utf8')) as {
    Resources?: Record<string, TemplateResource>;
  };
  return template.Resources ?? {};
}

/**
 * Re-bundles `functions/<name>/handler.ts` into the function's code asset in the cloud assembly (where
 * the twin loads it from) and returns the function's logical id. The functions are declared as
 * `<PascalName>Function` with the esbuild options below, mirroring `createMarqueeFunction` in
 * `infra/lib/constructs/lambda-function.ts`; the next `cdk synth` rewrites the asset anyway.
 */
export async function rebundleLambda(assemblyDir: string, stackName: string, name: string): Promise<string> {
  const entry = path.join(repoRoot, 'functions', name, 'handler.ts');
  if (!existsSync(entry)) throw new Error(`functions/${name}/handler.ts does not exist`);
  const prefix = `${pascalCase(name)}Function`;
  const matches = Object.entries(stackTemplate(assemblyDir, stackName)).filter(
    ([logicalId, resource]) => resource.Type === 'AWS::Lambda::Function' && logicalId.startsWith(prefix),
  );
  const [match, ...others] = matches;
  if (!match || others.length > 0) {
    throw new Error(
      `Cannot tell which Lambda function is built from functions/${name}; restart npm start instead`,
    );
  }
  const [logicalId, resource] = match;
  const assetPath = resource.Metadata?.['aws:asset:path'];
  const handler = resource.Properties?.Handler;
  if (typeof assetPath !== 'string' || typeof handler !== 'string')
    throw new Error(`${logicalId} has no CDK code asset to reload`);
  const base = path.join(assemblyDir, assetPath, handler.slice(0, handler.lastIndexOf('.')));
  const codeFile = ['.mjs', '.js', '.cjs'].map((ext) => base + ext).find((file) => existsSync(file));
  if (!codeFile) throw new Error(`${logicalId}: the asset ${assetPath} has no handler file`);
  await build({
    entryPoints: [entry],
    outfile: codeFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    sourcemap: true,
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire as __marqueeCreateRequire } from 'node:module'; const require = __marqueeCreateRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
  return logicalId;
}
