import { Duration, Expiration, RemovalPolicy } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';

export interface FixtureUserPool {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
}

/** The test fixtures' user pool: self sign-up with email, a `WebClient` app client and an `admin` group. */
export function addFixtureUserPool(scope: Construct): FixtureUserPool {
  const userPool = new cognito.UserPool(scope, 'Users', {
    selfSignUpEnabled: true,
    signInAliases: { email: true },
    autoVerify: { email: true },
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const client = userPool.addClient('WebClient', { authFlows: { userPassword: true, userSrp: true } });
  new cognito.CfnUserPoolGroup(scope, 'AdminGroup', { userPoolId: userPool.userPoolId, groupName: 'admin' });
  return { userPool, client };
}

/** User-pool authorization by default (ALLOW), plus an API key that is valid for 30 days. */
export function userPoolAndApiKeyAuth(
  userPool: cognito.IUserPool,
  appIdClientRegex?: string,
): appsync.AuthorizationConfig {
  return {
    defaultAuthorization: {
      authorizationType: appsync.AuthorizationType.USER_POOL,
      userPoolConfig: { userPool, defaultAction: appsync.UserPoolDefaultAction.ALLOW, appIdClientRegex },
    },
    additionalAuthorizationModes: [
      {
        authorizationType: appsync.AuthorizationType.API_KEY,
        apiKeyConfig: { expires: Expiration.after(Duration.days(30)) },
      },
    ],
  };
}
