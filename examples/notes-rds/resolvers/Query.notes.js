import { util } from '@aws-appsync/utils';
import { select, createPgStatement, toJsonObject } from '@aws-appsync/utils/rds';

export function request(ctx) {
  const { pinned, limit = 50 } = ctx.args;
  return createPgStatement(
    select({
      table: 'notes',
      columns: '*',
      where: pinned === undefined || pinned === null ? undefined : { pinned: { eq: pinned } },
      orderBy: [{ column: 'createdAt', dir: 'DESC' }],
      limit,
    }),
  );
}

export function response(ctx) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return toJsonObject(ctx.result)[0];
}
