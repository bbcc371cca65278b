import {
  isObjectType,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { AuthMode } from '../contracts';

/** Who may resolve one field: the modes and, for Cognito, the groups (null = any pool user). */
export interface FieldAuthRule {
  readonly modes: ReadonlySet<AuthMode>;
  readonly cognitoGroups: readonly string[] | null;
  /** False when the rule comes from the default mode rather than a directive. */
  readonly explicit: boolean;
}

const DIRECTIVE_MODES: Readonly<Record<string, AuthMode>> = {
  aws_api_key: 'API_KEY',
  aws_iam: 'AWS_IAM',
  aws_oidc: 'OPENID_CONNECT',
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  aws_auth: 'AMAZON_COGNITO_USER_POOLS',
  aws_lambda: 'AWS_LAMBDA',
};

function groupsArgument(directive: ConstDirectiveNode): string[] | null {
  const argument = directive.arguments?.find((arg) => arg.name.value === 'cognito_groups');
  if (!argument) return null;
  if (argument.value.kind === 'ListValue') {
    return argument.value.values.flatMap((value) => (value.kind === 'StringValue' ? [value.value] : []));
  }
  return argument.value.kind === 'StringValue' ? [argument.value.value] : null;
}

function ruleFrom(directives: readonly ConstDirectiveNode[] | undefined): FieldAuthRule | null {
  const modes = new Set<AuthMode>();
  let groups: string[] | null = null;
  for (const directive of directives ?? []) {
    const mode = DIRECTIVE_MODES[directive.name.value];
    if (!mode) continue;
    modes.add(mode);
    if (mode === 'AMAZON_COGNITO_USER_POOLS') {
      const listed = groupsArgument(directive);
      if (listed) groups = [...(groups ?? []), ...listed];
    }
  }
  return modes.size === 0 ? null : { modes, cognitoGroups: groups, explicit: true };
}

/**
 * The auth rule of every field of every object type (appsync-runtime.md §9.2, rule 3): the field's own
 * directives, else its type's, else the API's default mode. Field directives replace type directives.
 */
export function computeAuthRules(
  schema: GraphQLSchema,
  defaultMode: AuthMode,
): Map<string, Map<string, FieldAuthRule>> {
  const fallback: FieldAuthRule = { modes: new Set([defaultMode]), cognitoGroups: null, explicit: false };
  const rules = new Map<string, Map<string, FieldAuthRule>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeRule = ruleFrom((type as GraphQLObjectType).astNode?.directives);
    const fields = new Map<string, FieldAuthRule>();
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      fields.set(field.name, ruleFrom(field.astNode?.directives) ?? typeRule ?? fallback);
    }
    rules.set(type.name, fields);
  }
  return rules;
}

/** The `@aws_subscribe(mutations: [...])` list of a subscription field, or an empty list. */
export function subscribedMutations(field: GraphQLField<unknown, unknown>): string[] {
  const directive = field.astNode?.directives?.find((d) => d.name.value === 'aws_subscribe');
  const argument = directive?.arguments?.find((arg) => arg.name.value === 'mutations');
  if (!argument || argument.value.kind !== 'ListValue') return [];
  return argument.value.values.flatMap((value) => (value.kind === 'StringValue' ? [value.value] : []));
}
