import path from 'node:path';
import { AssemblyError } from '../assembly/errors';
import { findAsset, resourcesOfType, type StackModel, type StackResource } from '../assembly/stack-model';

/** Local layer version ARNs, each with the asset folder in the cloud assembly that holds the layer. */
export type LayerFolders = ReadonlyMap<string, string>;

/** Lambda's limit of layers per function. */
const MAX_LAYERS = 5;

/** Gives every layer that runs locally a local ARN (its `Ref`) and finds its folder in `cdk.out`. */
export function provideLayers(model: StackModel): LayerFolders {
  const { region, accountId, partition } = model.resolver.env;
  const folders = new Map<string, string>();
  for (const layer of resourcesOfType(model, 'AWS::Lambda::LayerVersion')) {
    const where = `${layer.logicalId} (AWS::Lambda::LayerVersion)`;
    const name =
      layer.properties.LayerName === undefined
        ? `${model.stackName}-${layer.logicalId}`
        : model.resolver.resolveString(layer.properties.LayerName, `${where}.LayerName`);
    const arn = `arn:${partition}:lambda:${region}:${accountId}:layer:${name}:1`;
    folders.set(arn, layerFolder(model, layer, where));
    model.resolver.provide(layer.logicalId, { ref: arn, attributes: { LayerVersionArn: arn } });
  }
  return folders;
}

function layerFolder(model: StackModel, layer: StackResource, where: string): string {
  const content = model.resolver.resolve(layer.properties.Content, `${where}.Content`) as
    Record<string, unknown> | undefined;
  if (!content || typeof content.S3Key !== 'string') {
    throw new AssemblyError(`${where}: only layer content from a CDK asset is supported`);
  }
  const asset = findAsset(model, content.S3Key, `${where}.Content`);
  if (asset.packaging !== 'zip') {
    throw new AssemblyError(
      `${where}: its asset ${path.basename(asset.path)} is a ready-made archive; the twin runs layers from a ` +
        'folder asset (lambda.Code.fromAsset(<folder>), which the CDK zips only when it deploys)',
    );
  }
  return asset.path;
}

/** The asset folders of a function's `Layers`, in the function's order. */
export function functionLayers(model: StackModel, fn: StackResource, folders: LayerFolders): string[] {
  const where = `${fn.logicalId} (AWS::Lambda::Function).Layers`;
  const arns = (model.resolver.resolve(fn.properties.Layers, where) ?? []) as unknown[];
  if (arns.length > MAX_LAYERS) {
    throw new AssemblyError(`${where}: ${arns.length} layers; Lambda allows at most ${MAX_LAYERS}`);
  }
  return arns.map((arn) => {
    const folder = folders.get(String(arn));
    if (!folder) {
      throw new AssemblyError(
        `${where}: layer ${String(arn)} is not built by this app; the twin runs layers from the cloud ` +
          'assembly only (lambda.LayerVersion with Code.fromAsset)',
      );
    }
    return folder;
  });
}
