import type { StackModel } from '../assembly/stack-model';

/** What every provisioner gets: the stack being provisioned, and where to report what it cannot do. */
export interface ProvisionContext {
  readonly model: StackModel;
  readonly warn: (message: string) => void;
}

/** Resolves a resource's properties to local values (every `Ref`/`GetAtt` it uses must be provided). */
export function resolvedProperties(
  model: StackModel,
  resource: { readonly logicalId: string; readonly properties: unknown },
): Record<string, unknown> {
  return model.resolver.resolve(resource.properties, resource.logicalId) as Record<string, unknown>;
}
