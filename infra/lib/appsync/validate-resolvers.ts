import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, isObjectType } from 'graphql';
import { APPSYNC_DECLARATIONS_SDL } from 'appsync-twin/authoring';
import { projectPath } from '../paths';
import { PIPELINE_FUNCTIONS, type ResolverSpec } from './resolver-table';

export function resolverFile(spec: Pick<ResolverSpec, 'typeName' | 'fieldName'>): string {
  return projectPath('resolvers', `${spec.typeName}.${spec.fieldName}.ts`);
}

export function pipelineFunctionFile(name: string): string {
  return projectPath('resolvers', 'functions', `${name}.ts`);
}

/** Loads `schema.graphql` with AppSync's implicit scalars and directives (for validation only). */
export function loadSchemaForValidation() {
  return buildSchema(APPSYNC_DECLARATIONS_SDL + readFileSync(projectPath('schema.graphql'), 'utf8'));
}

/**
 * Fails synth when a resolver names a type or field the schema does not have, a field has two resolvers,
 * a spec is neither unit nor pipeline, or a code file is missing.
 */
export function validateResolverTable(specs: readonly ResolverSpec[]): void {
  const schema = loadSchemaForValidation();
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const id = `${spec.typeName}.${spec.fieldName}`;
    const type = schema.getType(spec.typeName);
    if (!type || !isObjectType(type))
      problems.push(`${id}: type ${spec.typeName} is not an object type of the schema`);
    else if (!type.getFields()[spec.fieldName])
      problems.push(`${id}: field ${spec.fieldName} is not in type ${spec.typeName}`);
    if (seen.has(id)) problems.push(`${id}: more than one resolver`);
    seen.add(id);
    if ((spec.dataSource === undefined) === (spec.pipeline === undefined)) {
      problems.push(`${id}: give exactly one of dataSource (unit) or pipeline`);
    }
    if (spec.caching && spec.session !== 'parent')
      problems.push(`${id}: only nested, viewer-independent fields (session: 'parent') may be cached`);
    if (spec.caching?.keys.some((key) => key.startsWith('$context.identity')))
      problems.push(`${id}: a cache keyed on the caller holds per-viewer data; cache catalog reads only`);
    if (!existsSync(resolverFile(spec))) problems.push(`${id}: missing ${resolverFile(spec)}`);
    for (const step of spec.pipeline ?? []) {
      if (!(step in PIPELINE_FUNCTIONS)) problems.push(`${id}: unknown pipeline function ${step}`);
      else if (!existsSync(pipelineFunctionFile(step)))
        problems.push(`${id}: missing ${pipelineFunctionFile(step)}`);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid resolver table:\n  ${problems.join('\n  ')}`);
}
