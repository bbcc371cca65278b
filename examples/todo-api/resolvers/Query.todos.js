import { util } from '@aws-appsync/utils';
import { scan } from '@aws-appsync/utils/dynamodb';

export function request(ctx) {
  return scan({ limit: ctx.args.limit ?? 20, nextToken: ctx.args.nextToken });
}

export function response(ctx) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken ?? null };
}
