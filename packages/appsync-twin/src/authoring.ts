/**
 * `appsync-twin/authoring`: what the code that *defines* an AppSync API (CDK constructs, codegen) needs
 * from the twin, without loading the twin itself (no DynamoDB Local, Cognito or S3 client code), so
 * `cdk synth` stays as light as it was.
 */

/**
 * Bundles one APPSYNC_JS resolver or function file as AppSync expects it (one ES module, `@aws-appsync/*`
 * left as imports, inline source map). Use it for `Code.fromInline` in CDK so the twin runs the same bytes.
 */
export { bundleAppSyncCode } from './bundling/appsync-code';

/**
 * AppSync's implicit scalars (`AWSDateTime`, …) and directives (`@aws_cognito_user_pools`, …) as SDL, and
 * the path of the `.graphql` file holding it, for tools that build a schema outside AppSync (graphql-js,
 * graphql-codegen).
 */
export { APPSYNC_DECLARATIONS_FILE, APPSYNC_DECLARATIONS_SDL } from './engine/appsync-declarations';
