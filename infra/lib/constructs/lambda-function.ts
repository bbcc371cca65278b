import { Duration, type Size } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { projectPath } from '../paths';
import { acknowledge } from '../nag';

export interface MarqueeFunctionProps {
  /** Folder under `functions/` holding `handler.ts`. */
  readonly name: string;
  readonly description: string;
  readonly environment?: Record<string, string>;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  /** Defaults to ARM64; the media functions run x86-64 to match the static ffmpeg layer. */
  readonly architecture?: lambda.Architecture;
  readonly layers?: lambda.ILayerVersion[];
  readonly ephemeralStorageSize?: Size;
}

/** A Node.js 24 Lambda bundled locally with esbuild (no Docker) as one ES module, with its own log group. */
export function createMarqueeFunction(
  scope: Construct,
  id: string,
  props: MarqueeFunctionProps,
): nodejs.NodejsFunction {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: logs.RetentionDays.ONE_MONTH });
  const fn = new nodejs.NodejsFunction(scope, id, {
    entry: projectPath('functions', props.name, 'handler.ts'),
    handler: 'handler',
    description: props.description,
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: props.architecture ?? lambda.Architecture.ARM_64,
    memorySize: props.memorySize ?? 256,
    ...(props.layers ? { layers: props.layers } : {}),
    ...(props.ephemeralStorageSize ? { ephemeralStorageSize: props.ephemeralStorageSize } : {}),
    timeout: props.timeout ?? Duration.seconds(10),
    tracing: lambda.Tracing.ACTIVE,
    logGroup,
    environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
    projectRoot: projectPath(),
    depsLockFilePath: projectPath('package-lock.json'),
    bundling: {
      format: nodejs.OutputFormat.ESM,
      target: 'node24',
      minify: true,
      sourceMap: true,
      // The SDK is bundled at the pinned version rather than taken from the runtime.
      externalModules: [],
      forceDockerBundling: false,
      mainFields: ['module', 'main'],
      banner:
        "import { createRequire as __marqueeCreateRequire } from 'node:module'; const require = __marqueeCreateRequire(import.meta.url);",
    },
  });
  acknowledge(fn, [
    {
      id: 'AwsSolutions-IAM4',
      reason:
        'AWSLambdaBasicExecutionRole only grants writing to CloudWatch Logs, which every function needs.',
      appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
    },
    {
      id: 'AwsSolutions-IAM5',
      reason: 'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions.',
      appliesTo: ['Resource::*'],
    },
  ]);
  return fn;
}
