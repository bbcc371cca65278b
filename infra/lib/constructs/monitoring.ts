import { Duration } from 'aws-cdk-lib';
import type * as appsync from 'aws-cdk-lib/aws-appsync';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

export interface MonitoringProps {
  readonly api: appsync.GraphqlApi;
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  readonly tables: Readonly<Record<string, dynamodb.ITable>>;
}

/** Alarms on API errors, Lambda errors and throttles, DynamoDB throttles, all to one SNS topic. */
export class Monitoring extends Construct {
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', { displayName: 'Marquee alarms', enforceSSL: true });
    acknowledge(this.alarmTopic, [
      {
        id: 'AwsSolutions-SNS2',
        reason:
          'Alarm notifications carry no customer data; CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key, and a customer key is not worth its cost here.',
      },
    ]);

    const apiMetric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/AppSync',
        metricName,
        dimensionsMap: { GraphQLAPIId: props.api.apiId },
        statistic: 'Sum',
        period: Duration.minutes(5),
      });
    this.addAlarm('ApiServerErrors', apiMetric('5XXError'), 1, 'AppSync returned server errors.');
    this.addAlarm(
      'ApiClientErrors',
      apiMetric('4XXError'),
      100,
      'Many AppSync requests were rejected (auth or validation).',
    );

    for (const [name, fn] of Object.entries(props.functions)) {
      this.addAlarm(
        `${name}Errors`,
        fn.metricErrors({ period: Duration.minutes(5) }),
        1,
        `Lambda ${name} failed.`,
      );
      this.addAlarm(
        `${name}Throttles`,
        fn.metricThrottles({ period: Duration.minutes(5) }),
        1,
        `Lambda ${name} was throttled.`,
      );
    }
    for (const [name, table] of Object.entries(props.tables)) {
      for (const metricName of ['ReadThrottleEvents', 'WriteThrottleEvents']) {
        const metric = table.metric(metricName, { statistic: 'Sum', period: Duration.minutes(5) });
        this.addAlarm(`${name}${metricName}`, metric, 1, `DynamoDB table ${name}: ${metricName}.`);
      }
    }
  }

  private addAlarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.alarmTopic));
    this.alarms.push(alarm);
  }
}
