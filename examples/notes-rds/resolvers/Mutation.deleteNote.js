import { util } from '@aws-appsync/utils';
import { remove, createPgStatement, toJsonObject, typeHint } from '@aws-appsync/utils/rds';

export function request(ctx) {
  return createPgStatement(
    remove({
      table: 'notes',
      where: { id: { eq: typeHint.UUID(ctx.args.id) } },
      returning: '*',
    }),
  );
}

export function response(ctx) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return toJsonObject(ctx.result)[0][0] ?? null;
}
