import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { AssemblyError } from '../assembly/errors';
import { findAsset, resourcesOfType, type StackModel, type StackResource } from '../assembly/stack-model';
import { createLambdaRegistry, type LocalLambdaRegistry } from '../datasources';
import type { ServiceHealth } from '../health/service-health';
import { functionLayers, provideLayers, type LayerFolders } from './layers';
import type { ProvisionContext } from './provisioner';

export interface LambdaSource {
  readonly logicalId: string;
  readonly functionName: string;
  readonly arn: string;
}

export interface LambdaDefinitionInput {
  readonly id: string;
  readonly functionName: string;
  readonly codeFile: string;
  readonly handlerExport: string;
  readonly environment: Record<string, string>;
  readonly timeoutSeconds: number;
  readonly runtime: string;
  readonly layers: readonly string[];
}

export function localFunctionName(model: StackModel, fn: StackResource): string {
  if (fn.properties.FunctionName !== undefined) {
    return model.resolver.resolveString(fn.properties.FunctionName, `${fn.logicalId}.FunctionName`);
  }
  return `${model.stackName}-${fn.logicalId}`;
}

export function lambdaArn(model: StackModel, functionName: string): string {
  const { region, accountId, partition } = model.resolver.env;
  return `arn:${partition}:lambda:${region}:${accountId}:function:${functionName}`;
}

const ENTRY_EXTENSIONS = ['.mjs', '.js', '.cjs'];

/**
 * The handler file and export of a function from its code asset: `index.handler` names
 * `index.mjs|js|cjs` in the asset directory and its `handler` export.
 */
export function lambdaDefinition(
  model: StackModel,
  fn: StackResource,
  environment: Record<string, string>,
  layerFolders: LayerFolders,
): LambdaDefinitionInput {
  const where = `${fn.logicalId} (AWS::Lambda::Function)`;
  const runtime = String(model.resolver.resolve(fn.properties.Runtime, `${where}.Runtime`) ?? '');
  if (!runtime.startsWith('nodejs')) {
    throw new AssemblyError(
      `${where}: runtime ${runtime || '(none)'} is not supported; the twin runs Node.js functions`,
    );
  }
  const code = model.resolver.resolve(fn.properties.Code, `${where}.Code`) as
    Record<string, unknown> | undefined;
  if (!code || typeof code.S3Key !== 'string') {
    throw new AssemblyError(
      `${where}: only code from a CDK asset is supported (inline ZipFile and image code are not)`,
    );
  }
  const asset = findAsset(model, code.S3Key, `${where}.Code`);
  const handler = String(model.resolver.resolve(fn.properties.Handler, `${where}.Handler`) ?? '');
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) throw new AssemblyError(`${where}: handler "${handler}" is not <file>.<export>`);
  const base = path.join(asset.path, handler.slice(0, dot));
  const codeFile = ENTRY_EXTENSIONS.map((ext) => base + ext).find(
    (file) => existsSync(file) && statSync(file).isFile(),
  );
  if (!codeFile)
    throw new AssemblyError(
      `${where}: handler file ${handler.slice(0, dot)}.{mjs,js,cjs} is not in ${asset.path}`,
    );
  const timeout = Number(model.resolver.resolve(fn.properties.Timeout, `${where}.Timeout`) ?? 3);
  return {
    id: fn.logicalId,
    functionName: localFunctionName(model, fn),
    codeFile,
    handlerExport: handler.slice(dot + 1),
    environment,
    timeoutSeconds: timeout,
    runtime,
    layers: functionLayers(model, fn, layerFolders),
  };
}

/** The function's own environment with references resolved to local values. */
export function resolvedEnvironment(model: StackModel, fn: StackResource): Record<string, string> {
  const environment = model.resolver.resolve(fn.properties.Environment, `${fn.logicalId}.Environment`) as
    { Variables?: Record<string, unknown> } | undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(environment?.Variables ?? {})) out[name] = String(value);
  return out;
}

/** The stack's functions by name, before they run: pools name them in `LambdaConfig`, APIs as data sources. */
export interface NamedLambdas {
  readonly functions: readonly StackResource[];
  readonly layers: LayerFolders;
  /** The logical id of the function an ARN (optionally with a version or `$LATEST`) names. */
  idForArn(arn: string): string;
}

/** `AWS::Lambda::LayerVersion` and `AWS::Lambda::Function` names and ARNs (the functions start later). */
export function nameLambdas({ model }: ProvisionContext): NamedLambdas {
  const layers = provideLayers(model);
  const functions = resourcesOfType(model, 'AWS::Lambda::Function');
  const idByArn = new Map<string, string>();
  for (const fn of functions) {
    const name = localFunctionName(model, fn);
    const arn = lambdaArn(model, name);
    idByArn.set(arn, fn.logicalId);
    model.resolver.provide(fn.logicalId, { ref: name, attributes: { Arn: arn } });
  }
  return {
    functions,
    layers,
    idForArn(arn) {
      const id = idByArn.get(arn.replace(/:(\$LATEST|\d+)$/, ''));
      if (!id) throw new AssemblyError(`Lambda function ${arn} is not part of the stack`);
      return id;
    },
  };
}

/** Starts the functions in worker threads, each with its resolved environment plus the local services'. */
export function startLambdas(
  { model }: ProvisionContext,
  named: NamedLambdas,
  serviceEnvironment: Readonly<Record<string, string>>,
  health: ServiceHealth,
): LocalLambdaRegistry {
  return createLambdaRegistry({
    region: model.resolver.env.region,
    onCrash: (crash) => health.lambdaCrashed(crash),
    functions: named.functions.map((fn) =>
      lambdaDefinition(model, fn, { ...resolvedEnvironment(model, fn), ...serviceEnvironment }, named.layers),
    ),
  });
}
