/**
 * A `RealtimeHost` for real-time tests, made of real pieces: the schema as the twin engine builds it
 * (AppSync's implicit scalars and directives), RS256 JWTs minted and verified with jose, API-key checks,
 * graphql validation and argument coercion, `@aws_subscribe` read from the schema, auth directives on
 * subscription fields, and subscription "resolvers" that return the filter objects
 * `util.transform.toSubscriptionFilter` produces (recorded shape:
 * `{filterGroup:[{filters:[{fieldName, operator, value}]}]}`).
 */
import { randomUUID } from 'node:crypto';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWTPayload } from 'jose';
import {
  type AppSyncErrorInfo,
  type AuthenticatedCaller,
  type CognitoIdentity,
  type InvalidationEvent,
  type MutationEvent,
  type PreparedSubscription,
  type RealtimeHost,
  buildAppSyncSchema,
} from 'appsync-twin/testing';

export const TEST_ISSUER = 'http://127.0.0.1:9229/local_testpool';
export const TEST_API_KEY = 'da2-testrealtimekey000000000000';

export interface SubscriptionResolverContext {
  readonly args: Readonly<Record<string, unknown>>;
  readonly identity: CognitoIdentity | null;
}

/** What a subscription resolver did: `unauthorized` is `util.unauthorized()`; filters are `extensions.*` calls. */
export interface SubscriptionResolverResult {
  readonly unauthorized?: boolean;
  /** `util.error(...)` in the resolver: the start is refused with this error. */
  readonly error?: AppSyncErrorInfo;
  readonly filter?: unknown;
  readonly invalidationFilter?: unknown;
}

export type SubscriptionResolver = (context: SubscriptionResolverContext) => SubscriptionResolverResult;

export interface TestRealtimeHost extends RealtimeHost {
  readonly schema: GraphQLSchema;
  publish(event: MutationEvent): void;
  invalidate(event: InvalidationEvent): void;
  mintIdToken(claims: {
    sub: string;
    username?: string;
    groups?: string[];
    expiresIn?: string;
  }): Promise<string>;
  /** How many `prepareSubscription` calls the host served (each subscription resolver runs once per start). */
  readonly resolverRuns: number;
}

const unauthorizedConnection: AppSyncErrorInfo = {
  errorType: 'UnauthorizedException',
  message: 'You are not authorized to make this call.',
};

function fieldAuthModes(field: GraphQLField<unknown, unknown>): Set<AuthenticatedCaller['authMode']> {
  const modes = new Set<AuthenticatedCaller['authMode']>();
  for (const directive of field.astNode?.directives ?? []) {
    if (directive.name.value === 'aws_api_key') modes.add('API_KEY');
    if (directive.name.value === 'aws_cognito_user_pools') modes.add('AMAZON_COGNITO_USER_POOLS');
  }
  // The fixture API's default mode is Cognito user pools.
  if (modes.size === 0) modes.add('AMAZON_COGNITO_USER_POOLS');
  return modes;
}

function subscribedMutations(field: GraphQLField<unknown, unknown>): string[] {
  const directive = field.astNode?.directives?.find((candidate) => candidate.name.value === 'aws_subscribe');
  const argument = directive?.arguments?.find((candidate) => candidate.name.value === 'mutations');
  if (argument?.value.kind !== Kind.LIST) return [];
  return argument.value.values.flatMap((value) => (value.kind === Kind.STRING ? [value.value] : []));
}

function graphqlErrors(errors: readonly GraphQLError[]): { errors: AppSyncErrorInfo[] } {
  return { errors: errors.map((error) => ({ message: error.message, errorType: null })) };
}

export async function createTestRealtimeHost(options: {
  schema: string;
  resolvers?: Readonly<Record<string, SubscriptionResolver>>;
}): Promise<TestRealtimeHost> {
  const schema = buildAppSyncSchema(options.schema);
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  // Round-trip through JWK as a Cognito JWKS would hand it out.
  const jwk = await exportJWK(publicKey);
  const verificationKey = await importJWK({ ...jwk, kid, alg: 'RS256' }, 'RS256');
  const mutationListeners = new Set<(event: MutationEvent) => void>();
  const invalidationListeners = new Set<(event: InvalidationEvent) => void>();
  let resolverRuns = 0;

  const authenticate = async (
    header: Readonly<Record<string, string>>,
  ): Promise<AuthenticatedCaller | AppSyncErrorInfo> => {
    const apiKey = header['x-api-key'];
    if (apiKey !== undefined)
      return apiKey === TEST_API_KEY ? { authMode: 'API_KEY', identity: null } : unauthorizedConnection;
    const authorization = header.Authorization ?? header.authorization;
    if (authorization === undefined) return unauthorizedConnection;
    const token = authorization.replace(/^Bearer /, '');
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, verificationKey, { issuer: TEST_ISSUER }));
    } catch {
      return unauthorizedConnection;
    }
    const groups = claims['cognito:groups'];
    const identity: CognitoIdentity = {
      sub: String(claims.sub),
      issuer: TEST_ISSUER,
      username: String(claims['cognito:username'] ?? claims.sub),
      claims,
      sourceIp: ['127.0.0.1'],
      defaultAuthStrategy: 'ALLOW',
      groups: Array.isArray(groups) ? groups.map(String) : null,
    };
    return { authMode: 'AMAZON_COGNITO_USER_POOLS', identity };
  };

  const prepareSubscription: RealtimeHost['prepareSubscription'] = async (request, header) => {
    const caller = await authenticate(header);
    if (!('authMode' in caller)) return { errors: [caller] };
    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch (error) {
      return graphqlErrors([error as GraphQLError]);
    }
    const validationErrors = validate(schema, document);
    if (validationErrors.length > 0) return graphqlErrors(validationErrors);
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION &&
        (request.operationName === undefined || definition.name?.value === request.operationName),
    );
    if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) {
      return { errors: [{ message: 'Not a subscription operation', errorType: 'UnsupportedOperation' }] };
    }
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (coerced.errors) return graphqlErrors(coerced.errors);
    const rootField = operation.selectionSet.selections.find(
      (selection): selection is FieldNode => selection.kind === Kind.FIELD,
    );
    const field = rootField && schema.getSubscriptionType()?.getFields()[rootField.name.value];
    if (rootField === undefined || field === undefined)
      return { errors: [{ message: 'No subscription field' }] };
    const notAuthorized = {
      errors: [
        { errorType: 'Unauthorized', message: `Not Authorized to access ${field.name} on type Subscription` },
      ],
    };
    if (!fieldAuthModes(field).has(caller.authMode)) return notAuthorized;
    const args = getArgumentValues(field, rootField, coerced.coerced);
    resolverRuns += 1;
    const resolver = options.resolvers?.[field.name];
    const outcome = resolver?.({ args, identity: caller.identity as CognitoIdentity | null }) ?? {};
    if (outcome.unauthorized === true) return notAuthorized;
    if (outcome.error !== undefined) return { errors: [outcome.error] };
    const prepared: PreparedSubscription = {
      fieldName: field.name,
      arguments: args,
      mutations: subscribedMutations(field),
      document,
      variables: coerced.coerced,
      caller,
      ...(outcome.filter !== undefined ? { filter: outcome.filter } : {}),
      ...(outcome.invalidationFilter !== undefined ? { invalidationFilter: outcome.invalidationFilter } : {}),
    };
    return prepared;
  };

  return {
    schema,
    authenticate,
    prepareSubscription,
    onMutation(listener) {
      mutationListeners.add(listener);
      return () => mutationListeners.delete(listener);
    },
    onInvalidation(listener) {
      invalidationListeners.add(listener);
      return () => invalidationListeners.delete(listener);
    },
    publish(event) {
      for (const listener of mutationListeners) listener(event);
    },
    invalidate(event) {
      for (const listener of invalidationListeners) listener(event);
    },
    async mintIdToken({ sub, username, groups, expiresIn }) {
      return new SignJWT({
        token_use: 'id',
        'cognito:username': username ?? sub,
        ...(groups ? { 'cognito:groups': groups } : {}),
      })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject(sub)
        .setIssuer(TEST_ISSUER)
        .setIssuedAt()
        .setExpirationTime(expiresIn ?? '1h')
        .sign(privateKey);
    },
    get resolverRuns() {
      return resolverRuns;
    },
  };
}
