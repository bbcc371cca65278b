import { installPlaybackSigningKey } from './playback-key';
import { startLocalStack, type LocalStack, type CodeInbox } from 'appsync-twin';
import type { AddRoute } from './dev-routes';
import type { HotReloadTarget } from './hot-reload';
import { rebundleLambda } from './lambda-rebundle';
import type { StartOptions } from './options';
import { stackPorts } from './preflight';
import { REQUIRED_OUTPUTS, type StackOutputs } from './required-outputs';

export interface BootedStack {
  readonly outputs: StackOutputs;
  readonly cognitoEndpoint: string;
  readonly s3Endpoint: string;
  readonly codes: CodeInbox;
  readonly addRoute: AddRoute;
  readonly reload: HotReloadTarget;
  stop(): Promise<void>;
}

function requireOutputs(stack: LocalStack): StackOutputs {
  const missing = REQUIRED_OUTPUTS.filter((name) => typeof stack.outputs[name] !== 'string');
  if (missing.length > 0) {
    throw new Error(`The stack ${stack.stackName} has no CfnOutput named ${missing.join(', ')}`);
  }
  return Object.fromEntries(
    REQUIRED_OUTPUTS.map((name) => [name, String(stack.outputs[name])]),
  ) as StackOutputs;
}

/** Explains the failures a newcomer can fix, and keeps the original error as the cause. */
function explain(error: unknown, options: StartOptions): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/EADDRINUSE/.test(message)) {
    return new Error(
      `${message}\nA port of the stack is in use: stop the other process or pass --port <port>.`,
      {
        cause: error,
      },
    );
  }
  if (/JSON|damaged|Unexpected token|SQLITE|corrupt/i.test(message)) {
    return new Error(
      `${message}\nThe data folder ${options.dataDir} looks damaged. Start afresh with: npm start -- --reset`,
      { cause: error },
    );
  }
  return error instanceof Error ? error : new Error(message);
}

/** Starts the local twin from the cloud assembly on the fixed ports, with the on-disk data folder. */
export async function bootStack({
  assemblyDir,
  options,
}: {
  assemblyDir: string;
  options: StartOptions;
}): Promise<BootedStack> {
  let stack: LocalStack;
  let withoutLocalEffect = 0;
  try {
    stack = await startLocalStack({
      assemblyDir,
      dataDir: options.dataDir,
      ports: stackPorts(options.graphqlPort),
      logger: {
        info: () => undefined,
        warn: (message) => {
          // Properties with no local meaning (IAM, X-Ray, backups…) are expected; say so once, not per property.
          if (/has no local effect/.test(message)) withoutLocalEffect += 1;
          else console.warn(`  ! ${message}`);
        },
      },
    });
  } catch (error) {
    throw explain(error, options);
  }
  if (stack.noLocalEffect.size > 0) {
    const types = [...stack.noLocalEffect].map(([type, { count }]) => `${type} ×${count}`);
    console.log(`  No local effect (docs/twin-engine.md says why): ${types.join(', ')}`);
  }
  if (withoutLocalEffect > 0)
    console.log(
      `  ${withoutLocalEffect} CloudFormation properties have no local effect (IAM, X-Ray, backups, …)`,
    );
  if (stack.messaging.restoredMessages > 0)
    console.log(
      `  ${stack.messaging.restoredMessages} queued jobs from the last run are back in their queues ` +
        '(media processing goes on where it stopped)',
    );
  let outputs: StackOutputs;
  try {
    outputs = requireOutputs(stack);
    await installPlaybackSigningKey(stack);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return {
    outputs,
    cognitoEndpoint: stack.cognito.endpoint,
    s3Endpoint: stack.s3.endpoint,
    codes: stack.cognito.codes,
    addRoute: (method, path, handler) => stack.addRoute(method, path, handler),
    reload: {
      reloadResolverCode: (typeName, fieldName, code) => stack.reloadResolverCode(typeName, fieldName, code),
      reloadFunctionCode: (functionName, code) => stack.reloadFunctionCode(functionName, code),
      async reloadLambda(name) {
        const functionId = await rebundleLambda(assemblyDir, stack.stackName, name);
        await stack.reloadFunction(functionId);
      },
    },
    stop: () => stack.stop(),
  };
}
