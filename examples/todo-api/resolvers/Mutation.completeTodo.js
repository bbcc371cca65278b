import { util } from '@aws-appsync/utils';
import { update, operations } from '@aws-appsync/utils/dynamodb';

export function request(ctx) {
  return update({
    key: { id: ctx.args.id },
    update: { done: operations.replace(true) },
    condition: { id: { attributeExists: true } },
  });
}

export function response(ctx) {
  // A todo that does not exist answers null, not an error.
  if (ctx.error?.type === 'DynamoDB:ConditionalCheckFailedException') return null;
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
