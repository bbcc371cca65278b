import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredMediaState, StoredStream } from '../../../resolvers/lib/media-file';
import { libraryItemKey } from '../../../resolvers/lib/library';
import type { SourceRef } from './source-key';

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

/** The state as processing stores it: chunk completion is a map so a repeated chunk job is counted once. */
export interface ProcessingState extends StoredMediaState {
  doneChunks?: Record<string, boolean>;
}

/** Which upload a processing step works for: a step only writes while it is still the current one. */
export type Upload = Pick<SourceRef, 'movieId' | 'trailerId' | 'slot' | 'uploadId' | 'owner'> & {
  readonly sequencer: string;
};

/** The title, trailer or library item (in the user table: see `stateTable`) that holds the upload's state. */
function itemKey(upload: Pick<SourceRef, 'movieId' | 'trailerId' | 'owner'>): { pk: string; sk: string } {
  if (upload.owner) return libraryItemKey(upload.owner, upload.movieId);
  return {
    pk: `MOVIE#${upload.movieId}`,
    sk: upload.trailerId ? `TRAILER#${upload.trailerId}` : 'MOVIE',
  };
}

const NAMES = {
  '#media': 'media',
  '#uploadId': 'uploadId',
  '#sequencer': 'sequencer',
  '#status': 'status',
  '#updatedAt': 'updatedAt',
};

/** Still the upload being processed: not replaced by a newer upload, not finished, same source object. */
const CURRENT =
  '#media.#slot.#uploadId = :uploadId AND #media.#slot.#sequencer = :sequencer AND #media.#slot.#status = :processing';

function currentValues(upload: Upload): Record<string, unknown> {
  return { ':uploadId': upload.uploadId, ':sequencer': upload.sequencer, ':processing': 'PROCESSING' };
}

async function update(
  table: string,
  upload: Upload,
  set: string,
  condition: string,
  names: Record<string, string>,
  values: Record<string, unknown>,
): Promise<Record<string, unknown> | null> {
  try {
    const result = await documents.send(
      new UpdateCommand({
        TableName: table,
        Key: itemKey(upload),
        UpdateExpression: set,
        ConditionExpression: condition,
        ExpressionAttributeNames: { ...NAMES, '#slot': upload.slot, ...names },
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return result.Attributes ?? null;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
}

function stateOf(item: Record<string, unknown> | null, slot: string): ProcessingState | null {
  const media = item?.media as Record<string, ProcessingState> | undefined;
  return media?.[slot] ?? null;
}

/**
 * Takes an arrived source into PROCESSING, or returns null when the event must change nothing: the title or
 * trailer is gone, a newer upload replaced this one, or this object (by sequencer) was already processed or
 * a later write of the key was. The same sequencer while still PROCESSING resumes (a retried attempt).
 */
export async function claimUpload(
  table: string,
  upload: Upload,
  sizeBytes: number,
  now: string,
): Promise<ProcessingState | null> {
  const item = await update(
    table,
    upload,
    'SET #media.#slot.#status = :processing, #media.#slot.#sequencer = :sequencer, #media.#slot.#size = :size, ' +
      '#media.#slot.#reason = :null, #media.#slot.#chunksDone = :zero, #media.#slot.#chunksTotal = :zero, ' +
      '#media.#slot.#doneChunks = :empty, #media.#slot.#updatedAt = :now',
    'attribute_exists(pk) AND #media.#slot.#uploadId = :uploadId AND (attribute_type(#media.#slot.#sequencer, :nullType) ' +
      'OR #media.#slot.#sequencer < :sequencer OR (#media.#slot.#sequencer = :sequencer AND #media.#slot.#status = :processing))',
    {
      '#size': 'sizeBytes',
      '#reason': 'reason',
      '#chunksDone': 'chunksDone',
      '#chunksTotal': 'chunksTotal',
      '#doneChunks': 'doneChunks',
    },
    {
      ...currentValues(upload),
      ':size': sizeBytes,
      ':null': null,
      ':nullType': 'NULL',
      ':zero': 0,
      ':empty': {},
      ':now': now,
    },
  );
  return stateOf(item, upload.slot);
}

/** Records how many chunks the video was split into (before the first chunk job is sent). */
export async function setChunksTotal(
  table: string,
  upload: Upload,
  chunksTotal: number,
  now: string,
): Promise<ProcessingState | null> {
  const item = await update(
    table,
    upload,
    'SET #media.#slot.#chunksTotal = :total, #media.#slot.#updatedAt = :now',
    CURRENT,
    { '#chunksTotal': 'chunksTotal' },
    { ...currentValues(upload), ':total': chunksTotal, ':now': now },
  );
  return stateOf(item, upload.slot);
}

/**
 * Counts one finished chunk with an atomic increment, once per chunk index however often its job is delivered.
 * Returns the state after counting, the current state when this chunk was counted before, or null when the
 * upload is no longer being processed.
 */
export async function countChunk(
  table: string,
  upload: Upload,
  index: number,
  now: string,
): Promise<{ state: ProcessingState; counted: boolean } | null> {
  const chunkName = `c${index}`;
  const item = await update(
    table,
    upload,
    'SET #media.#slot.#chunksDone = #media.#slot.#chunksDone + :one, #media.#slot.#doneChunks.#chunk = :true, ' +
      '#media.#slot.#updatedAt = :now',
    `${CURRENT} AND attribute_not_exists(#media.#slot.#doneChunks.#chunk)`,
    { '#chunksDone': 'chunksDone', '#doneChunks': 'doneChunks', '#chunk': chunkName },
    { ...currentValues(upload), ':one': 1, ':true': true, ':now': now },
  );
  const counted = stateOf(item, upload.slot);
  if (counted) return { state: counted, counted: true };
  const current = await readState(table, upload);
  const stillCurrent =
    current?.uploadId === upload.uploadId &&
    current.sequencer === upload.sequencer &&
    current.status === 'PROCESSING' &&
    current.doneChunks?.[chunkName] === true;
  return stillCurrent ? { state: current, counted: false } : null;
}

export async function readState(table: string, upload: Upload): Promise<ProcessingState | null> {
  const result = await documents.send(
    new GetCommand({ TableName: table, Key: itemKey(upload), ConsistentRead: true }),
  );
  return stateOf(result.Item ?? null, upload.slot);
}

/** What READY makes visible: a video's stream and measured running time, or an image's URL key. */
export type ReadyOutput =
  | { readonly kind: 'stream'; readonly stream: StoredStream }
  | { readonly kind: 'image'; readonly key: string };

/** READY: the new output becomes what viewers get, in the same write, only while this upload is current. */
export async function markReady(
  table: string,
  upload: Upload,
  output: ReadyOutput,
  now: string,
): Promise<ProcessingState | null> {
  const isStream = output.kind === 'stream';
  const item = await update(
    table,
    upload,
    'SET #media.#slot.#status = :ready, #media.#slot.#updatedAt = :now, #target = :output' +
      (isStream ? ', #duration = :duration' : '') +
      ' REMOVE #media.#slot.#doneChunks',
    CURRENT,
    {
      '#target': isStream ? 'stream' : `${upload.slot}Key`,
      '#doneChunks': 'doneChunks',
      ...(isStream ? { '#duration': 'durationSeconds' } : {}),
    },
    {
      ...currentValues(upload),
      ':ready': 'READY',
      ':now': now,
      ':output': isStream ? output.stream : output.key,
      ...(isStream ? { ':duration': Math.max(1, Math.round(output.stream.durationSeconds)) } : {}),
    },
  );
  return stateOf(item, upload.slot);
}

/** FAILED with a reason; what viewers get (stream, images) is left as it was. */
export async function markFailed(
  table: string,
  upload: Upload,
  reason: string,
  now: string,
): Promise<ProcessingState | null> {
  const item = await update(
    table,
    upload,
    'SET #media.#slot.#status = :failed, #media.#slot.#reason = :reason, #media.#slot.#updatedAt = :now ' +
      'REMOVE #media.#slot.#doneChunks',
    CURRENT,
    { '#reason': 'reason', '#doneChunks': 'doneChunks' },
    { ...currentValues(upload), ':failed': 'FAILED', ':reason': reason, ':now': now },
  );
  return stateOf(item, upload.slot);
}

/** Sets a generated poster only when the title has none and no poster upload is under way. */
export async function setPosterFrame(table: string, movieId: string, key: string): Promise<boolean> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: table,
        Key: itemKey({ movieId, trailerId: null }),
        UpdateExpression: 'SET posterKey = :key',
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(posterKey) AND attribute_not_exists(#media.#poster)',
        ExpressionAttributeNames: { '#media': 'media', '#poster': 'poster' },
        ExpressionAttributeValues: { ':key': key },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * A library video's poster frame (`imageKey`, the large variant; the thumbnail is next to it), while this
 * upload is the item's current one and still processing. False when it is not (replaced or deleted).
 */
export async function setLibraryPosterFrame(table: string, upload: Upload, key: string): Promise<boolean> {
  const { '#updatedAt': _statusTime, ...conditionNames } = NAMES;
  try {
    await documents.send(
      new UpdateCommand({
        TableName: table,
        Key: itemKey(upload),
        // Not the status's `updatedAt`: the status does not change here.
        UpdateExpression: 'SET #imageKey = :key',
        ConditionExpression: CURRENT,
        ExpressionAttributeNames: { ...conditionNames, '#slot': upload.slot, '#imageKey': 'imageKey' },
        ExpressionAttributeValues: { ...currentValues(upload), ':key': key },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Whether a title has a poster (uploaded, generated, or an upload under way). */
export async function hasPoster(table: string, movieId: string): Promise<boolean> {
  const result = await documents.send(
    new GetCommand({ TableName: table, Key: itemKey({ movieId, trailerId: null }), ConsistentRead: true }),
  );
  const item = result.Item as { posterKey?: string; media?: { poster?: unknown } } | undefined;
  return Boolean(item?.posterKey || item?.media?.poster);
}
