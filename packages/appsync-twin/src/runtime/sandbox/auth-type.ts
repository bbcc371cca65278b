/** `util.authType()`: derived from the identity's shape, with the fallbacks recorded on AWS (https://github.com/localstack/appsync-utils/blob/main/__tests__/__snapshots__/authType.test.js.snap). */
import { isPlainObject } from './values';

const IAM_FIELDS = [
  'accountId',
  'cognitoIdentityPoolId',
  'cognitoIdentityId',
  'sourceIp',
  'username',
  'userArn',
  'cognitoIdentityAuthType',
  'cognitoIdentityAuthProvider',
];
const USER_POOL_FIELDS = ['sub', 'issuer', 'username', 'claims', 'sourceIp', 'defaultAuthStrategy'];
const OIDC_FIELDS = ['sub', 'issuer', 'claims'];

function hasAll(identity: Record<string, unknown>, fields: readonly string[]): boolean {
  return fields.every((field) => Object.hasOwn(identity, field));
}

export function authType(identity: unknown): string {
  if (!isPlainObject(identity)) return 'API Key Authorization';
  const keys = Object.keys(identity);
  if (keys.length === 0 || Object.hasOwn(identity, 'resolverContext')) return 'Lambda Authorization';
  if (hasAll(identity, IAM_FIELDS) && Array.isArray(identity.sourceIp) && identity.userArn)
    return 'IAM Authorization';
  if (hasAll(identity, USER_POOL_FIELDS) && Array.isArray(identity.sourceIp))
    return 'User Pool Authorization';
  if (hasAll(identity, OIDC_FIELDS) && keys.every((key) => OIDC_FIELDS.includes(key)))
    return 'Open ID Connect Authorization';
  return 'API Key Authorization';
}
