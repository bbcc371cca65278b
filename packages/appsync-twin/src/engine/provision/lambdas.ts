import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { AssemblyError } from '../../assembly/errors';
import { findAsset, type StackModel, type StackResource } from '../../assembly/stack-model';
import { functionLayers, type LayerFolders } from './layers';

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
