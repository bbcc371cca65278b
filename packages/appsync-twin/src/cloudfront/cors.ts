import { wildcardMatches } from './patterns';

interface CorsRule {
  AllowedOrigins?: unknown;
  AllowedMethods?: unknown;
  ExposedHeaders?: unknown;
  MaxAge?: unknown;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * The CORS headers S3 adds for a request with an `Origin` under the bucket's rules: the first rule whose
 * origin pattern and method match; a specific origin is echoed with `Access-Control-Allow-Credentials: true`
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html). Locally the dev client (another port)
 * plays streams cross-origin; on AWS the player shares the app's origin and needs none of this.
 */
export function corsHeaders(
  rules: readonly unknown[],
  origin: string | undefined,
  method: string,
): Record<string, string> {
  if (!origin) return {};
  const rule = (rules as CorsRule[]).find(
    (candidate) =>
      strings(candidate.AllowedOrigins).some((pattern) => wildcardMatches(pattern, origin)) &&
      strings(candidate.AllowedMethods).includes(method),
  );
  if (!rule) return {};
  const wildcard = strings(rule.AllowedOrigins).includes('*');
  const headers: Record<string, string> = {
    'access-control-allow-origin': wildcard ? '*' : origin,
    'access-control-allow-methods': strings(rule.AllowedMethods).join(', '),
    vary: 'Origin',
  };
  if (!wildcard) headers['access-control-allow-credentials'] = 'true';
  const exposed = strings(rule.ExposedHeaders);
  if (exposed.length > 0) headers['access-control-expose-headers'] = exposed.join(', ');
  return headers;
}
