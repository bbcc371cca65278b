import { DefaultStackSynthesizer, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** A cdk-nag finding accepted on purpose, with the written reason (optionally only for some findings of a rule). */
export interface Justification {
  readonly id: string;
  readonly reason: string;
  /** Narrow to findings such as `Resource::*` (cdk-nag reports them as `<id>[<finding>]`). */
  readonly appliesTo?: readonly string[];
}

/** Acknowledges the findings on `scope` and everything under it. */
export function acknowledge(scope: IConstruct, justifications: readonly Justification[]): void {
  for (const { id, reason, appliesTo } of justifications) {
    const ruleId = `AwsSolutions::${id}`;
    if (!appliesTo) Validations.of(scope).acknowledge({ id: ruleId, reason });
    else
      for (const finding of appliesTo)
        Validations.of(scope).acknowledge({ id: `${ruleId}[${finding}]`, reason });
  }
}

/** The cdk-nag finding for a policy resource `<LogicalId.Arn><suffix>` of a resource in this app. */
export function arnFinding(resource: IConstruct, suffix: string): string {
  const element = resource.node.defaultChild as CfnElement;
  return `Resource::<${Stack.of(resource).getLogicalId(element)}.Arn>${suffix}`;
}

/** The cdk-nag finding for a policy resource `arn:…:s3:::<bootstrap assets bucket><suffix>` (default synthesizer). */
export function assetsBucketFinding(scope: IConstruct, suffix: string): string {
  const { synthesizer } = Stack.of(scope);
  const qualifier =
    (synthesizer instanceof DefaultStackSynthesizer ? synthesizer.bootstrapQualifier : undefined) ??
    DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  return `Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>${suffix}`;
}

/** CDK singletons (log retention) live at the stack root under a fixed id prefix. */
export function acknowledgeSingletons(
  scope: IConstruct,
  idPrefix: string,
  justifications: readonly Justification[],
): void {
  for (const child of Stack.of(scope).node.children) {
    if (child.node.id.startsWith(idPrefix)) acknowledge(child, justifications);
  }
}
