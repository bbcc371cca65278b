/** The stack outputs `npm start` needs; each must be a `CfnOutput` of the CDK stack. */
export const REQUIRED_OUTPUTS = [
  'graphqlUrl',
  'realtimeUrl',
  'region',
  'userPoolId',
  'userPoolClientId',
  'mediaBucketName',
  'clientUrl',
] as const;

export type StackOutputs = Record<(typeof REQUIRED_OUTPUTS)[number], string>;
