import type { StackModel, StackResource } from '../assembly/stack-model';

/**
 * A resource's literal name property (`QueueName`, `TopicName`), or `<stack>-<logicalId>` when it has none:
 * CloudFormation adds a random suffix there, while a local name stays the same across restarts.
 */
export function localResourceName(
  model: StackModel,
  resource: StackResource,
  nameProperty: string,
  maxLength: number,
): string {
  const declared = resource.properties[nameProperty];
  if (declared !== undefined)
    return model.resolver.resolveString(declared, `${resource.logicalId}.${nameProperty}`);
  return `${model.stackName}-${resource.logicalId}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, maxLength);
}
