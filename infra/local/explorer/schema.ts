import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, introspectionFromSchema, type IntrospectionQuery } from 'graphql';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface Manifest {
  artifacts?: Record<string, { type?: string; properties?: { templateFile?: string } }>;
}

interface Template {
  Resources?: Record<string, { Type?: string; Properties?: { Definition?: unknown } }>;
}

/** The GraphQL schema as the cloud assembly deploys it (the `AWS::AppSync::GraphQLSchema` definition). */
export function readAssemblySchema(assemblyDir: string): string | undefined {
  const manifestFile = path.join(assemblyDir, 'manifest.json');
  if (!existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  for (const artifact of Object.values(manifest.artifacts ?? {})) {
    const templateFile = artifact.properties?.templateFile;
    if (artifact.type !== 'aws:cloudformation:stack' || !templateFile) continue;
    const template = JSON.parse(readFileSync(path.join(assemblyDir, templateFile), 'utf8')) as Template;
    for (const resource of Object.values(template.Resources ?? {})) {
      const definition = resource.Properties?.Definition;
      if (resource.Type === 'AWS::AppSync::GraphQLSchema' && typeof definition === 'string')
        return definition;
    }
  }
  return undefined;
}

/**
 * Introspection of the deployed schema, for GraphiQL's documentation before anyone signs in (on AppSync,
 * introspection needs an authorized caller too). AppSync declares its scalars and directives implicitly;
 * `appsync.codegen.graphql` declares them for tools, so it is prepended here.
 */
export function explorerIntrospection(schemaDefinition: string | undefined): IntrospectionQuery | null {
  if (!schemaDefinition) return null;
  const declarationsFile = path.join(repoRoot, 'appsync.codegen.graphql');
  const declarations = existsSync(declarationsFile) ? readFileSync(declarationsFile, 'utf8') : '';
  try {
    return introspectionFromSchema(buildSchema(`${declarations}\n${schemaDefinition}`));
  } catch {
    return null; // GraphiQL then introspects through the API once a user has signed in
  }
}
