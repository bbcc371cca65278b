import type { Context } from '@aws-appsync/utils';
import { badRequest } from './lib/errors';
import { movieKey, trailerKey } from './lib/keys';
import { uploadProblem } from './lib/upload-rules';
import { requireId } from './lib/validate';
import type { MutationRequestUploadUrlArgs, UploadTarget } from './types/schema';
import type { RequestUploadUrlStash } from './lib/stash';

export function request(
  ctx: Context<MutationRequestUploadUrlArgs, RequestUploadUrlStash>,
): Record<string, never> {
  const input = ctx.args.input;
  const movieId = requireId(input.movieId, 'movieId');
  const isTrailer = input.kind === 'TRAILER_VIDEO';
  const hasTrailerId = input.trailerId !== undefined && input.trailerId !== null;
  if (isTrailer !== hasTrailerId) badRequest('trailerId is required for TRAILER_VIDEO and only for it.');
  const trailerId = isTrailer ? requireId(input.trailerId, 'trailerId') : null;
  const problem = uploadProblem(input.kind, input.contentType, input.sizeBytes);
  if (problem) badRequest(problem);
  ctx.stash.catalogKey = trailerId ? trailerKey(movieId, trailerId) : movieKey(movieId);
  ctx.stash.notFoundMessage = trailerId
    ? `No trailer ${trailerId} for title ${movieId}.`
    : `No title with id ${movieId}.`;
  ctx.stash.upload = {
    kind: input.kind,
    movieId,
    trailerId,
    contentType: input.contentType,
    sizeBytes: input.sizeBytes,
  };
  return {};
}

export function response(ctx: Context<MutationRequestUploadUrlArgs, RequestUploadUrlStash>): UploadTarget {
  return ctx.prev.result as UploadTarget;
}
