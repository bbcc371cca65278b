/** The deployment outputs the app needs, as `npm start` or `cdk deploy --outputs-file` writes them. */
export interface StackOutputs {
  readonly graphqlUrl: string;
  readonly realtimeUrl?: string;
  readonly region: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly mediaBucketName?: string;
  /** Only when running against the local twin: the cognito-local endpoint. */
  readonly cognitoEndpoint?: string;
  /** The user pool's password rules (Amplify's `passwordFormat`), so sign-up states and checks the pool's rules. */
  readonly passwordFormat?: PasswordFormat;
}

export interface PasswordFormat {
  readonly minLength?: number;
  readonly requireLowercase?: boolean;
  readonly requireUppercase?: boolean;
  readonly requireNumbers?: boolean;
  readonly requireSpecialCharacters?: boolean;
}

const PASSWORD_FLAGS = [
  'requireLowercase',
  'requireUppercase',
  'requireNumbers',
  'requireSpecialCharacters',
] as const;

/** Reads the `passwordPolicy` output (a JSON string); anything else is ignored, leaving Amplify's defaults. */
function parsePasswordFormat(value: unknown): PasswordFormat | undefined {
  if (typeof value !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const format: Record<string, number | boolean> = {};
  if (typeof parsed.minLength === 'number') format.minLength = parsed.minLength;
  for (const flag of PASSWORD_FLAGS) if (typeof parsed[flag] === 'boolean') format[flag] = parsed[flag];
  return format as PasswordFormat;
}

const REQUIRED_KEYS = ['graphqlUrl', 'region', 'userPoolId', 'userPoolClientId'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasRequiredKeys(value: Record<string, unknown>): boolean {
  return REQUIRED_KEYS.every((key) => typeof value[key] === 'string' && value[key] !== '');
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Accepts the flat local file and the AWS one, where `cdk deploy --outputs-file` nests the same keys under
 * the stack name. Throws a message a developer can act on when neither shape fits.
 */
export function parseStackOutputs(raw: unknown): StackOutputs {
  if (!isRecord(raw)) throw new Error('The stack outputs file is not a JSON object.');
  const candidate = hasRequiredKeys(raw) ? raw : Object.values(raw).filter(isRecord).find(hasRequiredKeys);
  if (!candidate) {
    throw new Error(`The stack outputs file lacks ${REQUIRED_KEYS.join(', ')} (flat or under a stack name).`);
  }
  return {
    graphqlUrl: String(candidate.graphqlUrl),
    region: String(candidate.region),
    userPoolId: String(candidate.userPoolId),
    userPoolClientId: String(candidate.userPoolClientId),
    realtimeUrl: optionalString(candidate.realtimeUrl),
    mediaBucketName: optionalString(candidate.mediaBucketName),
    cognitoEndpoint: optionalString(candidate.cognitoEndpoint),
    passwordFormat: parsePasswordFormat(candidate.passwordPolicy),
  };
}

export async function loadStackOutputs(path = '/marquee_outputs.json'): Promise<StackOutputs> {
  const response = await fetch(path, { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(
      `Could not load ${path} (HTTP ${response.status}). Is the stack running (\`npm start\`)?`,
    );
  }
  return parseStackOutputs(await response.json());
}

/** True when talking to the local twin rather than AWS (it has no SRP support and a custom endpoint). */
export function isLocalStack(outputs: StackOutputs): boolean {
  return outputs.cognitoEndpoint !== undefined;
}
