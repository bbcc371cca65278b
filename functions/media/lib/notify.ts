import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SignatureV4 } from '@smithy/signature-v4';
import { toMediaFile } from '../../../resolvers/lib/media-file';
import type { MediaConfig } from './config';
import type { ProcessingState, Upload } from './state';

const sns = new SNSClient({});

const KINDS = {
  video: 'VIDEO',
  poster: 'POSTER',
  backdrop: 'BACKDROP',
  image: 'IMAGE',
  audio: 'AUDIO',
} as const;

function mediaKind(upload: Upload): string {
  return upload.trailerId ? 'TRAILER_VIDEO' : KINDS[upload.slot];
}

/** A failure, for operators (SNS subscribers): which upload, and why. */
export async function publishFailure(config: MediaConfig, upload: Upload, reason: string): Promise<void> {
  const owner = upload.owner ? `library item ${upload.movieId}` : `title ${upload.movieId}`;
  const subject = `Marquee media FAILED: ${mediaKind(upload)} of ${owner}`.slice(0, 100);
  await sns.send(
    new PublishCommand({
      TopicArn: config.topicArn,
      Subject: subject,
      Message: JSON.stringify({
        status: 'FAILED',
        ...(upload.owner ? { libraryItemId: upload.movieId } : { movieId: upload.movieId }),
        trailerId: upload.trailerId,
        kind: mediaKind(upload),
        uploadId: upload.uploadId,
        reason,
      }),
    }),
  );
}

const PUBLISH = `mutation Publish($input: MediaStatusChangeInput!) {
  publishMediaStatus(input: $input) {
    movieId trailerId kind
    media { uploadId contentType sizeBytes status reason chunksDone chunksTotal updatedAt }
  }
}`;

/**
 * Pushes a status change to subscribed admins through the API's `publishMediaStatus`, signed with the
 * function's IAM credentials (SigV4, service `appsync`:
 * https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#aws-iam-authorization).
 * The state is already stored, so a failed push is logged, not retried: the admin screen reads it on load.
 * Returns whether the API accepted it.
 */
export async function publishStatus(
  config: Pick<MediaConfig, 'graphqlUrl'>,
  upload: Upload,
  state: ProcessingState,
): Promise<boolean> {
  // Library items are their owner's alone: admins' status feed never carries them.
  if (!config.graphqlUrl || upload.owner) return false;
  const url = new URL(config.graphqlUrl);
  const body = JSON.stringify({
    query: PUBLISH,
    variables: {
      input: {
        movieId: upload.movieId,
        trailerId: upload.trailerId,
        kind: mediaKind(upload),
        ...toMediaFile(state),
      },
    },
  });
  const signer = new SignatureV4({
    service: 'appsync',
    region: process.env.AWS_REGION ?? 'us-east-1',
    credentials: defaultProvider(),
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: {},
    headers: { host: url.host, 'content-type': 'application/json' },
    body,
  });
  try {
    const response = await fetch(url, { method: 'POST', headers: signed.headers, body });
    const result = (await response.json()) as { errors?: unknown[] };
    if (response.ok && !result.errors) return true;
    console.warn('publishMediaStatus was refused', response.status, JSON.stringify(result.errors ?? null));
  } catch (error) {
    console.warn('publishMediaStatus could not be sent', error);
  }
  return false;
}
