import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, introspectionFromSchema, type IntrospectionQuery } from 'graphql';
import { APPSYNC_DECLARATIONS_SDL } from '../engine/appsync-declarations';

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
 * the engine's declarations file spells them out, so it is prepended here.
 */
export function explorerIntrospection(schemaDefinition: string | undefined): IntrospectionQuery | null {
  if (!schemaDefinition) return null;
  try {
    return introspectionFromSchema(buildSchema(`${APPSYNC_DECLARATIONS_SDL}\n${schemaDefinition}`));
  } catch {
    return null; // GraphiQL then introspects through the API once a user has signed in
  }
}
