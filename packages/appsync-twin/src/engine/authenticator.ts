import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { ApiKeyModel, AuthProvider } from '../assembly/api-model';
import type { AuthenticatedCaller, AuthMode, CognitoIdentity, Identity } from '../contracts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../services/dynamodb-local';
import { S3RVER_CREDENTIALS } from '../services/s3-local';
import { NO_VALID_AUTH_HEADER, NOT_AUTHORIZED_TO_CALL, TOKEN_EXPIRED, UnauthorizedRequest } from './errors';
import { verifySigV4, type SignableRequest, type SigV4Credentials } from './sigv4';
import { systemClock, type Clock } from '../services/clock';

/** Where the local Cognito publishes a pool's signing keys. */
export interface UserPoolKeys {
  readonly issuer: string;
  readonly jwksUri: string;
}

export type LambdaAuthorizerInvoke = (functionId: string, event: unknown) => Promise<unknown>;

export interface AuthenticatorOptions {
  readonly providers: readonly AuthProvider[];
  readonly apiKeys: readonly ApiKeyModel[];
  /** Local key locations by (local) user pool id. */
  readonly userPools: ReadonlyMap<string, UserPoolKeys>;
  readonly invokeAuthorizer?: LambdaAuthorizerInvoke;
  /** API-key expiry, token `exp`/`iat` and authorizer-cache TTLs are checked on it (SigV4 skew on wall time). */
  readonly clock?: Clock;
  /**
   * The credentials SigV4 requests may be signed with and the region they are scoped to: by default the
   * twin's local credentials (which its Lambdas receive as AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY).
   */
  readonly iam?: { readonly region: string; readonly credentials: readonly SigV4Credentials[] };
}

export interface RequestCredentials {
  readonly headers: Readonly<Record<string, string>>;
  readonly sourceIp: readonly string[];
  /** For the Lambda authorizer event. */
  readonly query?: string;
  readonly operationName?: string | null;
  readonly variables?: Readonly<Record<string, unknown>>;
  /** The HTTP request as sent, for SigV4 verification. */
  readonly signable?: SignableRequest;
}

type CognitoProvider = Extract<AuthProvider, { type: 'AMAZON_COGNITO_USER_POOLS' }>;
type OidcProvider = Extract<AuthProvider, { type: 'OPENID_CONNECT' }>;
type LambdaProvider = Extract<AuthProvider, { type: 'AWS_LAMBDA' }>;

const VERIFIED_CACHE_LIMIT = 1000;

/**
 * The credentials the twin hands out: its Lambdas get the s3rver pair (stack.ts, `serviceEnvironment`),
 * its own SDK clients the DynamoDB Local pair. A SigV4 request signed with either verifies.
 */
const LOCAL_SIGNING_CREDENTIALS: readonly SigV4Credentials[] = [S3RVER_CREDENTIALS, LOCAL_CREDENTIALS];

/**
 * Decides which configured auth mode a request uses and who the caller is (appsync-runtime.md §9.1):
 * API keys by existence and expiry, Cognito JWTs by signature (the local pool's JWKS), issuer, expiry,
 * `token_use` and client id, OIDC tokens likewise, a Lambda authorizer by its answer.
 */
export class Authenticator {
  private readonly jwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  private readonly verified = new Map<string, JWTPayload>();
  private readonly authorizerCache = new Map<string, { caller: AuthenticatedCaller; until: number }>();
  private readonly now: () => number;

  constructor(private readonly options: AuthenticatorOptions) {
    const clock = options.clock ?? systemClock;
    this.now = () => clock.now();
  }

  get modes(): AuthMode[] {
    return this.options.providers.map((provider) => provider.type);
  }

  async authenticate(request: RequestCredentials): Promise<AuthenticatedCaller> {
    const apiKey = request.headers['x-api-key'];
    const authorization = request.headers.authorization;
    if (
      apiKey !== undefined &&
      this.has('API_KEY') &&
      (authorization === undefined || !this.hasTokenModes())
    ) {
      return this.apiKeyCaller(apiKey);
    }
    if (authorization !== undefined && authorization !== '') {
      return this.tokenCaller(authorization, request);
    }
    if (apiKey !== undefined) throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    throw new UnauthorizedRequest(
      this.options.providers[0]?.type === 'API_KEY' ? NOT_AUTHORIZED_TO_CALL : NO_VALID_AUTH_HEADER,
    );
  }

  private has(mode: AuthMode): boolean {
    return this.options.providers.some((provider) => provider.type === mode);
  }

  private hasTokenModes(): boolean {
    return this.options.providers.some((provider) => provider.type !== 'API_KEY');
  }

  private apiKeyCaller(value: string): AuthenticatedCaller {
    const key = this.options.apiKeys.find((candidate) => candidate.key === value);
    if (!key || key.expires * 1000 <= this.now()) throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    return { authMode: 'API_KEY', identity: null };
  }

  private async tokenCaller(
    authorization: string,
    request: RequestCredentials,
  ): Promise<AuthenticatedCaller> {
    if (authorization.startsWith('AWS4-HMAC-SHA256')) return this.iamCaller(authorization, request);
    const token = authorization.replace(/^Bearer\s+/i, '');
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      issuer = undefined;
    }
    if (issuer !== undefined) {
      for (const provider of this.options.providers) {
        if (
          provider.type === 'AMAZON_COGNITO_USER_POOLS' &&
          this.options.userPools.get(provider.userPoolId)?.issuer === issuer
        ) {
          return this.cognitoCaller(token, provider, request.sourceIp);
        }
        if (
          provider.type === 'OPENID_CONNECT' &&
          provider.issuer.replace(/\/$/, '') === issuer.replace(/\/$/, '')
        ) {
          return this.oidcCaller(token, provider);
        }
      }
    }
    const lambda = this.options.providers.find((p): p is LambdaProvider => p.type === 'AWS_LAMBDA');
    if (lambda) return this.lambdaCaller(authorization, lambda, request);
    throw new UnauthorizedRequest(issuer === undefined ? NO_VALID_AUTH_HEADER : NOT_AUTHORIZED_TO_CALL);
  }

  private keySet(jwksUri: string): ReturnType<typeof createRemoteJWKSet> {
    let set = this.jwks.get(jwksUri);
    if (!set) {
      set = createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: 1000 });
      this.jwks.set(jwksUri, set);
    }
    return set;
  }

  /** Verifies the signature and issuer once per token; expiry is checked on every use. */
  private async verify(token: string, issuer: string, jwksUri: string): Promise<JWTPayload> {
    let payload = this.verified.get(token);
    if (!payload) {
      try {
        ({ payload } = await jwtVerify(token, this.keySet(jwksUri), {
          issuer,
          currentDate: new Date(this.now()),
        }));
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) throw new UnauthorizedRequest(TOKEN_EXPIRED);
        throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
      }
      if (this.verified.size >= VERIFIED_CACHE_LIMIT) this.verified.clear();
      this.verified.set(token, payload);
    }
    if (typeof payload.exp !== 'number') throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    if (payload.exp * 1000 <= this.now()) throw new UnauthorizedRequest(TOKEN_EXPIRED);
    return payload;
  }

  private async cognitoCaller(
    token: string,
    provider: CognitoProvider,
    sourceIp: readonly string[],
  ): Promise<AuthenticatedCaller> {
    const pool = this.options.userPools.get(provider.userPoolId);
    if (!pool) throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    const claims = await this.verify(token, pool.issuer, pool.jwksUri);
    const tokenUse = claims.token_use;
    if (tokenUse !== 'id' && tokenUse !== 'access') throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    const clientId = tokenUse === 'id' ? claims.aud : claims.client_id;
    if (typeof clientId !== 'string' && !Array.isArray(clientId))
      throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    if (provider.appIdClientRegex !== null) {
      const pattern = new RegExp(`^(?:${provider.appIdClientRegex})$`);
      const ids = Array.isArray(clientId) ? clientId : [clientId];
      if (!ids.some((id) => pattern.test(String(id)))) throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    }
    const groups = claims['cognito:groups'];
    const identity: CognitoIdentity = {
      sub: String(claims.sub),
      issuer: pool.issuer,
      username: String(claims['cognito:username'] ?? claims.username ?? claims.sub),
      claims,
      sourceIp,
      defaultAuthStrategy: provider.defaultAction,
      groups: Array.isArray(groups) ? groups.map(String) : null,
    };
    return { authMode: 'AMAZON_COGNITO_USER_POOLS', identity };
  }

  private async oidcCaller(token: string, provider: OidcProvider): Promise<AuthenticatedCaller> {
    const jwksUri = await this.discoverJwks(provider.issuer);
    const claims = await this.verify(token, provider.issuer, jwksUri);
    const nowS = this.now() / 1000;
    if (provider.clientId !== null) {
      const audiences = [claims.aud, claims.azp].flat().filter((a): a is string => typeof a === 'string');
      const pattern = new RegExp(`^(?:${provider.clientId})$`);
      if (!audiences.some((aud) => pattern.test(aud))) throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    }
    if (
      provider.iatTtlMs > 0 &&
      (typeof claims.iat !== 'number' || nowS - claims.iat > provider.iatTtlMs / 1000)
    ) {
      throw new UnauthorizedRequest(TOKEN_EXPIRED);
    }
    const authTime = claims.auth_time;
    if (
      provider.authTtlMs > 0 &&
      (typeof authTime !== 'number' || nowS - authTime > provider.authTtlMs / 1000)
    ) {
      throw new UnauthorizedRequest(TOKEN_EXPIRED);
    }
    const identity = { sub: String(claims.sub), issuer: provider.issuer, claims } as unknown as Identity;
    return { authMode: 'OPENID_CONNECT', identity };
  }

  private async discoverJwks(issuer: string): Promise<string> {
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    try {
      const response = await fetch(url);
      const body = (await response.json()) as { jwks_uri?: unknown };
      if (typeof body.jwks_uri === 'string') return body.jwks_uri;
    } catch {
      // fall through
    }
    throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
  }

  private async lambdaCaller(
    token: string,
    provider: LambdaProvider,
    request: RequestCredentials,
  ): Promise<AuthenticatedCaller> {
    if (
      provider.identityValidationExpression !== null &&
      !new RegExp(provider.identityValidationExpression).test(token)
    ) {
      throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    }
    const cached = this.authorizerCache.get(token);
    if (cached && cached.until > this.now()) return cached.caller;
    if (!this.options.invokeAuthorizer) throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    let answer: unknown;
    try {
      answer = await this.options.invokeAuthorizer(provider.functionId, {
        authorizationToken: token,
        requestContext: {
          apiId: 'local',
          accountId: '000000000000',
          requestId: crypto.randomUUID(),
          queryString: request.query ?? '',
          operationName: request.operationName ?? null,
          variables: request.variables ?? {},
        },
        requestHeaders: request.headers,
      });
    } catch {
      throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    }
    const result = (answer ?? {}) as {
      isAuthorized?: unknown;
      resolverContext?: unknown;
      ttlOverride?: unknown;
    };
    if (result.isAuthorized !== true) throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    const caller = {
      authMode: 'AWS_LAMBDA' as const,
      identity: { resolverContext: result.resolverContext ?? {} } as unknown as Identity,
    };
    const ttl = typeof result.ttlOverride === 'number' ? result.ttlOverride : provider.ttlSeconds;
    if (ttl > 0) this.authorizerCache.set(token, { caller, until: this.now() + ttl * 1000 });
    return caller;
  }

  /**
   * A SigV4 request is the IAM user named by its access key once its signature verifies (`sigv4.ts`). The
   * engine always passes what was signed (the HTTP request, or the real-time connect or `start`); a caller of
   * the authenticator alone that has no signable request gets the credential accepted by its shape.
   */
  private async iamCaller(authorization: string, request: RequestCredentials): Promise<AuthenticatedCaller> {
    if (!this.has('AWS_IAM')) throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    let accessKeyId = /Credential=([^/]+)\//.exec(authorization)?.[1];
    if (request.signable) {
      accessKeyId = await verifySigV4(authorization, request.headers, request.signable, {
        region: this.options.iam?.region ?? LOCAL_REGION,
        service: 'appsync',
        credentials: this.options.iam?.credentials ?? LOCAL_SIGNING_CREDENTIALS,
        // Signers are real SDKs (clients, the twin's own Lambdas) using the machine's clock, not the twin's:
        // a manual clock would refuse every signature they make, so the skew check stays on wall-clock time.
        nowMs: Date.now,
      });
    }
    if (!accessKeyId) throw new UnauthorizedRequest(NOT_AUTHORIZED_TO_CALL);
    return {
      authMode: 'AWS_IAM',
      identity: {
        accountId: '000000000000',
        cognitoIdentityPoolId: null,
        cognitoIdentityId: null,
        sourceIp: request.sourceIp,
        username: accessKeyId,
        userArn: `arn:aws:iam::000000000000:user/${accessKeyId}`,
        cognitoIdentityAuthType: null,
        cognitoIdentityAuthProvider: null,
      },
    };
  }
}
