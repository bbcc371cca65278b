import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

export const ADMIN_GROUP = 'admin';

/** The pool's password rules; also published as a stack output so the sign-up form states the same rules. */
export const PASSWORD_POLICY = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

/** The rules in the shape Amplify's `passwordFormat` takes (what the Authenticator checks and shows). */
export function passwordFormat(): Record<string, number | boolean> {
  return {
    minLength: PASSWORD_POLICY.minLength,
    requireLowercase: PASSWORD_POLICY.requireLowercase,
    requireUppercase: PASSWORD_POLICY.requireUppercase,
    requireNumbers: PASSWORD_POLICY.requireDigits,
    requireSpecialCharacters: PASSWORD_POLICY.requireSymbols,
  };
}

export interface AuthProps {
  readonly postConfirmation: lambda.IFunction;
  readonly removalPolicy: RemovalPolicy;
}

/** The Cognito user pool: e-mail sign-in with a verification code, the `admin` group, the profile trigger. */
export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: { ...PASSWORD_POLICY, tempPasswordValidity: Duration.days(3) },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      userVerification: { emailStyle: cognito.VerificationEmailStyle.CODE },
      lambdaTriggers: { postConfirmation: props.postConfirmation },
      deletionProtection: props.removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy: props.removalPolicy,
    });
    this.userPoolClient = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true, userPassword: true },
      preventUserExistenceErrors: true,
      generateSecret: false,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
    });
    new cognito.CfnUserPoolGroup(this, 'AdminGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: ADMIN_GROUP,
      description: 'Catalog administrators: create, update and delete titles, trailers and media.',
    });
    acknowledge(this.userPool, [
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is left to the viewer: a consumer streaming app signs in on TVs and shared devices; admins are expected to enable TOTP (the pool allows it to be added without a redeploy).',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus feature plan (threat protection, compromised-credential checks) is a cost decision per stage; revisit for production traffic.',
      },
      {
        id: 'AwsSolutions-COG3',
        reason:
          'Advanced security (threat protection) needs the Cognito Plus feature plan; cost decision for this stage, revisit for production traffic.',
      },
    ]);
  }
}
