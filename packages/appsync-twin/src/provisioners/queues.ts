import { AssemblyError } from '../assembly/errors';
import { resourcesOfType, type StackModel } from '../assembly/stack-model';
import { localResourceName } from './resource-names';
import type { LocalSqsService } from '../services/sqs/service';
import type { LocalQueue } from '../services/sqs/queue';

/** CloudFormation queue properties that are SQS attributes of the same name. */
const ATTRIBUTE_PROPERTIES = [
  'VisibilityTimeout',
  'MessageRetentionPeriod',
  'DelaySeconds',
  'MaximumMessageSize',
  'ReceiveMessageWaitTimeSeconds',
  'SqsManagedSseEnabled',
] as const;

/**
 * Creates the stack's queues on the local SQS. `Ref` is the queue URL, `Fn::GetAtt` gives `Arn`, `QueueName`
 * and `QueueUrl`, as CloudFormation documents
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sqs-queue.html).
 * Names and values are provided first, so a redrive policy may name a queue declared after it.
 */
export function provisionQueues(model: StackModel, sqs: LocalSqsService): LocalQueue[] {
  const declared = resourcesOfType(model, 'AWS::SQS::Queue').map((resource) => {
    const name = localResourceName(model, resource, 'QueueName', 80);
    model.resolver.provide(resource.logicalId, {
      ref: sqs.queueUrl(name),
      attributes: { Arn: sqs.queueArn(name), QueueName: name, QueueUrl: sqs.queueUrl(name) },
    });
    return { resource, name };
  });
  return declared.map(({ resource, name }) => {
    const where = `${resource.logicalId} (AWS::SQS::Queue)`;
    const props = model.resolver.resolve(resource.properties, resource.logicalId) as Record<string, unknown>;
    const attributes: Record<string, string> = {};
    for (const property of ATTRIBUTE_PROPERTIES)
      if (props[property] !== undefined) attributes[property] = String(props[property]);
    if (props.RedrivePolicy !== undefined)
      attributes.RedrivePolicy =
        typeof props.RedrivePolicy === 'string' ? props.RedrivePolicy : JSON.stringify(props.RedrivePolicy);
    try {
      const queue = sqs.createQueue(name, attributes);
      const target = queue.settings.redrivePolicy?.deadLetterTargetArn;
      if (target !== undefined && !declared.some((other) => sqs.queueArn(other.name) === target))
        throw new AssemblyError(
          `${where}: the RedrivePolicy's dead-letter queue ${target} is not part of the stack`,
        );
      return queue;
    } catch (error) {
      if (error instanceof AssemblyError) throw error;
      throw new AssemblyError(`${where}: ${(error as Error).message}`);
    }
  });
}
