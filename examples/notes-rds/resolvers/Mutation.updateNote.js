import { util } from '@aws-appsync/utils';
import { update, createPgStatement, toJsonObject, typeHint } from '@aws-appsync/utils/rds';

export function request(ctx) {
  const { id, ...changes } = ctx.args;
  if (Object.keys(changes).length === 0) util.error('Give title, body or pinned to change', 'BadRequest');
  return createPgStatement(
    update({
      table: 'notes',
      values: changes,
      where: { id: { eq: typeHint.UUID(id) } },
      returning: '*',
    }),
  );
}

export function response(ctx) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return toJsonObject(ctx.result)[0][0] ?? null;
}
