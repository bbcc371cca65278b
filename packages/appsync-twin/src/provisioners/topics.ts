import { AssemblyError } from '../assembly/errors';
import { resourcesOfType, type StackModel } from '../assembly/stack-model';
import { localResourceName } from './resource-names';
import type { LocalSnsService } from '../services/sns/topics';

interface SubscriptionProps {
  readonly Protocol?: unknown;
  readonly Endpoint?: unknown;
  readonly TopicArn?: unknown;
  readonly RawMessageDelivery?: unknown;
}

/**
 * Provides the topics' values: `Ref` and `TopicArn` are the ARN, `TopicName` the name
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sns-topic.html).
 * Call before resolving anything that names a topic (Lambda environments, alarm actions).
 */
export function provideTopics(model: StackModel, sns: LocalSnsService): void {
  for (const topic of resourcesOfType(model, 'AWS::SNS::Topic')) {
    const name = localResourceName(model, topic, 'TopicName', 256);
    const arn = sns.createTopic(name);
    model.resolver.provide(topic.logicalId, { ref: arn, attributes: { TopicArn: arn, TopicName: name } });
  }
}

/**
 * Subscribes the topics' SQS and Lambda endpoints, from a topic's `Subscription` list and from
 * `AWS::SNS::Subscription` resources. Other protocols (email, SMS, HTTP) are kept and reported: their
 * messages are recorded and printed, not sent. Call once queues and functions have their values.
 */
export function subscribeTopics(model: StackModel, sns: LocalSnsService, warn: (line: string) => void): void {
  const subscribe = (where: string, topicArn: string, props: SubscriptionProps): string => {
    const protocol = String(props.Protocol ?? '').toLowerCase();
    if (typeof props.Endpoint !== 'string' || protocol === '')
      throw new AssemblyError(`${where}: a subscription needs Protocol and Endpoint`);
    if (protocol !== 'sqs' && protocol !== 'lambda')
      warn(`${where}: ${protocol} subscriptions are not delivered locally; their messages are printed`);
    const raw = props.RawMessageDelivery === true || props.RawMessageDelivery === 'true';
    return sns.subscribe(topicArn, protocol, props.Endpoint, raw).subscriptionArn;
  };
  for (const topic of resourcesOfType(model, 'AWS::SNS::Topic')) {
    const arn = model.resolver.resolveString({ Ref: topic.logicalId }, topic.logicalId);
    const inline = model.resolver.resolve(
      topic.properties.Subscription ?? [],
      `${topic.logicalId}.Subscription`,
    );
    for (const props of inline as SubscriptionProps[])
      subscribe(`${topic.logicalId} (AWS::SNS::Topic)`, arn, props);
  }
  for (const resource of resourcesOfType(model, 'AWS::SNS::Subscription')) {
    const where = `${resource.logicalId} (AWS::SNS::Subscription)`;
    const props = model.resolver.resolve(resource.properties, resource.logicalId) as SubscriptionProps;
    if (typeof props.TopicArn !== 'string' || !sns.topicArns().includes(props.TopicArn))
      throw new AssemblyError(`${where}: topic ${String(props.TopicArn)} is not part of the stack`);
    const subscriptionArn = subscribe(where, props.TopicArn, props);
    model.resolver.provide(resource.logicalId, {
      ref: subscriptionArn,
      attributes: { Arn: subscriptionArn },
    });
  }
}
