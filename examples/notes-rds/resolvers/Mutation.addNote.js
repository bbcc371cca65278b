import { util } from '@aws-appsync/utils';
import { insert, createPgStatement, toJsonObject, typeHint } from '@aws-appsync/utils/rds';

export function request(ctx) {
  const { title, body = null } = ctx.args;
  return createPgStatement(
    insert({
      table: 'notes',
      values: {
        id: typeHint.UUID(util.autoId()),
        title: title.trim(),
        body,
        pinned: false,
        createdAt: util.time.nowISO8601(),
      },
      returning: '*',
    }),
  );
}

export function response(ctx) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return toJsonObject(ctx.result)[0][0];
}
