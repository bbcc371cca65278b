import { resourcesOfType } from '../assembly/stack-model';
import type { CognitoTrigger, LocalCognito } from '../services/cognito-local';
import { resolvedProperties, type ProvisionContext } from './provisioner';

export interface LocalUserPool {
  readonly logicalId: string;
  readonly userPoolId: string;
  readonly issuer: string;
  readonly jwksUri: string;
  readonly clients: ReadonlyArray<{ readonly logicalId: string; readonly clientId: string }>;
}

/** Invokes a stack function by logical id with a trigger event, answering its payload or throwing its error. */
export type TriggerInvoker = (functionId: string, event: Record<string, unknown>) => Promise<unknown>;

const COGNITO_TRIGGERS: readonly CognitoTrigger[] = [
  'PreSignUp',
  'PostConfirmation',
  'PreTokenGeneration',
  'PostAuthentication',
  'CustomMessage',
  'UserMigration',
  'CustomEmailSender',
];

/**
 * `AWS::Cognito::UserPool` (with its `LambdaConfig` triggers), `UserPoolClient` and `UserPoolGroup` in the
 * local Cognito. Triggers call `invokeTrigger` when they fire, so the functions may start afterwards.
 */
export async function provisionUserPools(
  { model, warn }: ProvisionContext,
  cognito: LocalCognito,
  functionIdForArn: (arn: string) => string,
  invokeTrigger: TriggerInvoker,
): Promise<LocalUserPool[]> {
  const { region, accountId, partition } = model.resolver.env;
  const pools: Array<LocalUserPool & { clients: Array<{ logicalId: string; clientId: string }> }> = [];
  for (const pool of resourcesOfType(model, 'AWS::Cognito::UserPool')) {
    const props = resolvedProperties(model, pool);
    const local = await cognito.ensureUserPool(pool.logicalId, props);
    model.resolver.provide(pool.logicalId, {
      ref: local.userPoolId,
      attributes: {
        Arn: `arn:${partition}:cognito-idp:${region}:${accountId}:userpool/${local.userPoolId}`,
        ProviderName: local.issuer.replace(/^https?:\/\//, ''),
        ProviderURL: local.issuer,
        UserPoolId: local.userPoolId,
      },
    });
    pools.push({ logicalId: pool.logicalId, ...local, clients: [] });
    const lambdaConfig = (props.LambdaConfig ?? {}) as Record<string, unknown>;
    for (const [trigger, target] of Object.entries(lambdaConfig)) {
      if (!COGNITO_TRIGGERS.includes(trigger as CognitoTrigger) || typeof target !== 'string') {
        warn(`${pool.logicalId}: Cognito LambdaConfig.${trigger} is not emulated`);
        continue;
      }
      const functionId = functionIdForArn(target);
      cognito.setTrigger(local.userPoolId, trigger as CognitoTrigger, (event) =>
        invokeTrigger(functionId, event),
      );
    }
  }
  for (const client of resourcesOfType(model, 'AWS::Cognito::UserPoolClient')) {
    const props = resolvedProperties(model, client);
    const userPoolId = String(props.UserPoolId);
    const { clientId } = await cognito.ensureUserPoolClient(client.logicalId, userPoolId, props);
    model.resolver.provide(client.logicalId, {
      ref: clientId,
      attributes: { ClientId: clientId, Name: props.ClientName ?? client.logicalId },
    });
    pools
      .find((pool) => pool.userPoolId === userPoolId)
      ?.clients.push({ logicalId: client.logicalId, clientId });
  }
  for (const group of resourcesOfType(model, 'AWS::Cognito::UserPoolGroup')) {
    const props = resolvedProperties(model, group);
    await cognito.ensureGroup(String(props.UserPoolId), props);
    model.resolver.provide(group.logicalId, { ref: String(props.GroupName), attributes: {} });
  }
  return pools;
}
