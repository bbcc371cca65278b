import type { Context, NONERequest } from '@aws-appsync/utils';
import type { MediaStatusChange, MutationPublishMediaStatusArgs } from './types/schema';

/**
 * Local resolver (NONE data source): it only exists so `onMediaStatusChanged` fires. The processing functions
 * have already written the state; the schema lets IAM callers alone call it (`@aws_iam`).
 */
export function request(ctx: Context<MutationPublishMediaStatusArgs>): NONERequest {
  return { payload: ctx.args.input };
}

export function response(ctx: Context<MutationPublishMediaStatusArgs>): MediaStatusChange {
  const { movieId, trailerId, kind, ...media } = ctx.args.input;
  return {
    movieId,
    trailerId: trailerId ?? null,
    kind,
    media: { ...media, reason: media.reason ?? null },
  };
}
