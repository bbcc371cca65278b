import { AssemblyError } from '../assembly/errors';
import { resourcesOfType, type StackModel } from '../assembly/stack-model';
import type { Clock } from '../services/clock';
import type { LocalQueue } from '../services/sqs/queue';
import type { LocalSqsService } from '../services/sqs/service';

type AlarmState = 'OK' | 'ALARM';

const COMPARISONS: Readonly<Record<string, (value: number, threshold: number) => boolean>> = {
  GreaterThanOrEqualToThreshold: (value, threshold) => value >= threshold,
  GreaterThanThreshold: (value, threshold) => value > threshold,
  LessThanThreshold: (value, threshold) => value < threshold,
  LessThanOrEqualToThreshold: (value, threshold) => value <= threshold,
};

export interface QueueDepthAlarm {
  readonly logicalId: string;
  readonly name: string;
  readonly arn: string;
  readonly queue: LocalQueue;
  readonly metricName: string;
  readonly comparison: string;
  readonly threshold: number;
  readonly alarmActions: readonly string[];
  readonly okActions: readonly string[];
  readonly properties: Readonly<Record<string, unknown>>;
}

/** The stack's alarms on an SQS queue's depth (the only alarms that reach here; see resource-types.ts). */
export function readQueueDepthAlarms(model: StackModel, sqs: LocalSqsService): QueueDepthAlarm[] {
  const { region, accountId, partition } = model.resolver.env;
  return resourcesOfType(model, 'AWS::CloudWatch::Alarm').map((alarm) => {
    const where = `${alarm.logicalId} (AWS::CloudWatch::Alarm)`;
    const props = model.resolver.resolve(alarm.properties, alarm.logicalId) as Record<string, unknown>;
    const dimension = (props.Dimensions as Array<{ Value?: unknown }>)[0];
    const queue = sqs.queueByName(String(dimension?.Value));
    if (!queue)
      throw new AssemblyError(`${where}: queue ${String(dimension?.Value)} is not part of the stack`);
    const comparison = String(props.ComparisonOperator);
    if (!COMPARISONS[comparison])
      throw new AssemblyError(`${where}: ComparisonOperator ${comparison} is not evaluated locally`);
    const name =
      typeof props.AlarmName === 'string' ? props.AlarmName : `${model.stackName}-${alarm.logicalId}`;
    const arns = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
    return {
      logicalId: alarm.logicalId,
      name,
      arn: `arn:${partition}:cloudwatch:${region}:${accountId}:alarm:${name}`,
      queue,
      metricName: String(props.MetricName),
      comparison,
      threshold: Number(props.Threshold),
      alarmActions: arns(props.AlarmActions),
      okActions: arns(props.OKActions),
      properties: props,
    };
  });
}

function depthValue(queue: LocalQueue, metricName: string): number {
  const depth = queue.depth();
  if (metricName === 'ApproximateNumberOfMessagesNotVisible') return depth.notVisible;
  if (metricName === 'ApproximateNumberOfMessagesDelayed') return depth.delayed;
  return depth.visible;
}

/**
 * Evaluates queue-depth alarms whenever their queue changes (not once per `Period`, as CloudWatch does, so
 * an alarm fires as soon as the depth crosses its threshold). A change of state is printed and, for `ALARM`
 * and `OK`, sent to the alarm's SNS actions as CloudWatch's notification JSON
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html).
 */
export function startQueueDepthAlarms(options: {
  readonly alarms: readonly QueueDepthAlarm[];
  readonly clock: Clock;
  readonly region: string;
  readonly accountId: string;
  readonly publish: (topicArn: string, subject: string, message: string) => void;
  readonly log: (line: string) => void;
}): () => void {
  const stops: Array<() => void> = [];
  for (const alarm of options.alarms) {
    let state: AlarmState = 'OK';
    let cancelTimer = (): void => undefined;
    const evaluate = (): void => {
      const value = depthValue(alarm.queue, alarm.metricName);
      const next: AlarmState = (COMPARISONS[alarm.comparison] as (v: number, t: number) => boolean)(
        value,
        alarm.threshold,
      )
        ? 'ALARM'
        : 'OK';
      // Hidden messages become visible with time, not with a change: look again then.
      cancelTimer();
      const visibleAt = alarm.queue.nextVisibleAt();
      if (visibleAt !== undefined)
        cancelTimer = options.clock.setTimer(visibleAt - options.clock.now(), evaluate);
      if (next === state) return;
      const previous = state;
      state = next;
      const reason = `Threshold Crossed: ${alarm.metricName} of ${alarm.queue.name} is ${value} (${alarm.comparison} ${alarm.threshold})`;
      options.log(`Alarm ${alarm.name}: ${previous} → ${next}: ${reason}`);
      const actions = next === 'ALARM' ? alarm.alarmActions : alarm.okActions;
      const message = JSON.stringify({
        AlarmName: alarm.name,
        AlarmDescription: alarm.properties.AlarmDescription ?? null,
        AWSAccountId: options.accountId,
        AlarmConfigurationUpdatedTimestamp: new Date(options.clock.now()).toISOString(),
        NewStateValue: next,
        NewStateReason: reason,
        StateChangeTime: new Date(options.clock.now()).toISOString(),
        Region: options.region,
        AlarmArn: alarm.arn,
        OldStateValue: previous,
        OKActions: alarm.okActions,
        AlarmActions: alarm.alarmActions,
        InsufficientDataActions: [],
        Trigger: {
          MetricName: alarm.metricName,
          Namespace: 'AWS/SQS',
          StatisticType: 'Statistic',
          Statistic: String(alarm.properties.Statistic ?? 'Maximum').toUpperCase(),
          Unit: null,
          Dimensions: [{ value: alarm.queue.name, name: 'QueueName' }],
          Period: alarm.properties.Period ?? 60,
          EvaluationPeriods: alarm.properties.EvaluationPeriods ?? 1,
          ComparisonOperator: alarm.comparison,
          Threshold: alarm.threshold,
          TreatMissingData: alarm.properties.TreatMissingData ?? 'missing',
          EvaluateLowSampleCountPercentile: '',
        },
      });
      for (const topicArn of actions.filter((arn) => arn.includes(':sns:')))
        options.publish(topicArn, `${next}: "${alarm.name}" in ${options.region}`, message);
    };
    stops.push(alarm.queue.onChange(evaluate), () => cancelTimer());
    evaluate();
  }
  return () => stops.forEach((stop) => stop());
}
