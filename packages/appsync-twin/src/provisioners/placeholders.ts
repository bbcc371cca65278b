import type { ProvisionContext } from './provisioner';

/** Gives every no-local-effect resource a recognisable placeholder for `Ref`/`GetAtt`. */
export function providePlaceholders({ model }: ProvisionContext): void {
  const { region, accountId, partition } = model.resolver.env;
  for (const [logicalId, resource] of Object.entries(model.template.Resources)) {
    if (model.resources.some((r) => r.logicalId === logicalId)) continue;
    const service = resource.Type.split('::')[1]?.toLowerCase() ?? 'local';
    model.resolver.provide(logicalId, {
      ref: logicalId,
      attributes: { Arn: `arn:${partition}:${service}:${region}:${accountId}:local/${logicalId}` },
      placeholder: true,
    });
  }
}
