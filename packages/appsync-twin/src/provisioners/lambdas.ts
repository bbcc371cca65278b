import { AssemblyError } from '../assembly/errors';
import { resourcesOfType, type StackResource } from '../assembly/stack-model';
import { createLambdaRegistry, type LocalLambdaRegistry } from '../datasources';
import {
  lambdaArn,
  lambdaDefinition,
  localFunctionName,
  resolvedEnvironment,
} from '../engine/provision/lambdas';
import { provideLayers, type LayerFolders } from '../engine/provision/layers';
import type { ServiceHealth } from '../health/service-health';
import type { ProvisionContext } from './provisioner';

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
