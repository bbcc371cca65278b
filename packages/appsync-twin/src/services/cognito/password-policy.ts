/** The `Policies.PasswordPolicy` of a user pool, as CloudFormation and the Cognito API spell it. */
export interface PasswordPolicy {
  readonly MinimumLength?: number;
  readonly RequireUppercase?: boolean;
  readonly RequireLowercase?: boolean;
  readonly RequireNumbers?: boolean;
  readonly RequireSymbols?: boolean;
}

// The special characters Cognito counts as symbols (the space included), per the user pool password docs.
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

/** Cognito's defaults when a pool sets no policy: 8 characters and all four character classes. */
const COGNITO_DEFAULT_POLICY: Required<PasswordPolicy> = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
};

function truthy(value: unknown): boolean {
  return value === true || value === 'true';
}

/** Reads a policy from untyped CFN/API input (booleans may arrive as strings from CFN). */
export function readPasswordPolicy(policies: unknown): Required<PasswordPolicy> {
  const raw =
    typeof policies === 'object' && policies !== null
      ? (policies as { PasswordPolicy?: unknown }).PasswordPolicy
      : undefined;
  if (typeof raw !== 'object' || raw === null) return COGNITO_DEFAULT_POLICY;
  const policy = raw as Record<string, unknown>;
  const minimumLength = Number(policy.MinimumLength);
  return {
    MinimumLength: Number.isFinite(minimumLength) && minimumLength > 0 ? minimumLength : 8,
    RequireUppercase: truthy(policy.RequireUppercase),
    RequireLowercase: truthy(policy.RequireLowercase),
    RequireNumbers: truthy(policy.RequireNumbers),
    RequireSymbols: truthy(policy.RequireSymbols),
  };
}

/**
 * Returns the reason a password breaks the policy, worded as Cognito words it after
 * "Password did not conform with policy: ", or undefined when the password conforms.
 */
export function passwordPolicyViolation(
  password: string,
  policy: Required<PasswordPolicy>,
): string | undefined {
  const characters = [...password];
  if (characters.length < policy.MinimumLength) return 'Password not long enough';
  if (policy.RequireUppercase && !characters.some((c) => c >= 'A' && c <= 'Z'))
    return 'Password must have uppercase characters';
  if (policy.RequireLowercase && !characters.some((c) => c >= 'a' && c <= 'z'))
    return 'Password must have lowercase characters';
  if (policy.RequireNumbers && !characters.some((c) => c >= '0' && c <= '9'))
    return 'Password must have numeric characters';
  if (policy.RequireSymbols && !characters.some((c) => SYMBOLS.has(c)))
    return 'Password must have symbol characters';
  return undefined;
}
