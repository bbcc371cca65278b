import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { getSignedCookies } from '@aws-sdk/cloudfront-signer';

/** How long one playback credential lasts: a long film plus pauses; the player asks again after a 403. */
export const PLAYBACK_SECONDS = 4 * 3600;

/** The stream fields of a catalog item the signer needs (media contract: `stream`). */
export interface PlaybackRequest {
  action: 'playback';
  movieId: string;
  masterKey: string;
  trickplayVttKey?: string | null;
}

export interface StreamCookie {
  name: string;
  value: string;
}

export interface SignedPlayback {
  masterPlaylistUrl: string;
  trickplayVttUrl: string | null;
  expiresAt: string;
  credential: {
    kind: 'SIGNED_COOKIES';
    cookies: StreamCookie[];
    /** Null: a host-only cookie for the streams' own host (the app's distribution). */
    domain: string | null;
    path: string;
    secure: boolean;
  };
}

const secrets = new SecretsManagerClient({});
let privateKey: Promise<string> | undefined;

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** The PEM private key, read once per container; a failed read is retried by the next request. */
function signingKey(): Promise<string> {
  privateKey ??= secrets
    .send(new GetSecretValueCommand({ SecretId: requiredEnv('PLAYBACK_SIGNING_KEY_SECRET') }))
    .then((secret) => {
      const pem = secret.SecretString ?? '';
      if (!pem.includes('PRIVATE KEY-----'))
        throw new Error(
          'The playback signing key secret holds no PEM private key yet: put the key pair\'s private key in it (docs/api.md, "Playback key pair").',
        );
      return pem;
    })
    .catch((error: unknown) => {
      privateKey = undefined;
      throw error;
    });
  return privateKey;
}

function keyUrl(baseUrl: string, key: string): string {
  return `${baseUrl}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/** Signed cookies over one stream folder, and the URLs of keys inside it. */
export interface SignedFolder {
  urls: string[];
  expiresAt: string;
  credential: SignedPlayback['credential'];
}

/**
 * Signed cookies with a custom policy over a whole stream folder (a title's `streams/<movieId>/*`, which also
 * holds its trailers, or a library item's folder): one credential covers the master playlist, every rendition
 * playlist, segment and trickplay sprite, however the player fetches them
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-setting-signed-cookie-custom-policy.html).
 */
export async function signFolder(
  folder: string,
  keys: readonly string[],
  now = Date.now(),
): Promise<SignedFolder> {
  for (const key of keys) {
    if (typeof key !== 'string' || !key.startsWith(folder) || key.includes('..'))
      throw new Error(`The key ${String(key)} is not under ${folder}.`);
  }
  const baseUrl = requiredEnv('STREAMS_BASE_URL').replace(/\/+$/, '');
  const folderUrl = keyUrl(baseUrl, folder);
  const expiresEpoch = Math.floor(now / 1000) + PLAYBACK_SECONDS;
  const policy = JSON.stringify({
    Statement: [
      { Resource: `${folderUrl}*`, Condition: { DateLessThan: { 'AWS:EpochTime': expiresEpoch } } },
    ],
  });
  const signed = getSignedCookies({
    keyPairId: requiredEnv('PLAYBACK_KEY_PAIR_ID'),
    privateKey: await signingKey(),
    policy,
  });
  const cookies = Object.entries(signed)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ({ name, value: String(value) }));
  return {
    urls: keys.map((key) => keyUrl(baseUrl, key)),
    expiresAt: new Date(expiresEpoch * 1000).toISOString(),
    credential: {
      kind: 'SIGNED_COOKIES',
      cookies,
      domain: null,
      path: new URL(folderUrl).pathname,
      secure: baseUrl.startsWith('https:'),
    },
  };
}

/** A title's (or trailer's) stream: cookies over the title's folder. */
export async function signPlayback(request: PlaybackRequest, now = Date.now()): Promise<SignedPlayback> {
  const folder = `streams/${request.movieId}/`;
  if (typeof request.masterKey !== 'string' || !request.masterKey.startsWith(folder))
    throw new Error(`The stream of title ${request.movieId} is not under ${folder}.`);
  const keys = request.trickplayVttKey ? [request.masterKey, request.trickplayVttKey] : [request.masterKey];
  const signed = await signFolder(folder, keys, now);
  return {
    masterPlaylistUrl: signed.urls[0] as string,
    trickplayVttUrl: request.trickplayVttKey ? (signed.urls[1] as string) : null,
    expiresAt: signed.expiresAt,
    credential: signed.credential,
  };
}
