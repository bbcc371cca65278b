/** The processing functions' settings, from the environment the CDK stack (or the twin) sets. */
export interface MediaConfig {
  readonly catalogTable: string;
  /** Where library items (and so their processing state) live. */
  readonly userTable: string;
  readonly mediaBucket: string;
  readonly imagesBucket: string;
  readonly chunkQueueUrl: string;
  readonly topicArn: string;
  /** The AppSync endpoint for `publishMediaStatus`; empty: status changes are stored but not pushed. */
  readonly graphqlUrl: string;
  /** Chunk length in seconds: a multiple of the 6-second segment so chunks map to whole segments. */
  readonly chunkSeconds: number;
  /** The source queue's redrive `maxReceiveCount`: the last attempt marks the upload FAILED before giving up. */
  readonly maxReceiveCount: number;
}

/** HLS segment length (Apple's authoring spec recommends 6 s), and the keyframe interval inside it. */
export const SEGMENT_SECONDS = 6;
export const KEYFRAME_SECONDS = 2;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

export function mediaConfig(): MediaConfig {
  const chunkSeconds = positiveInt('CHUNK_SECONDS', 60);
  if (chunkSeconds % SEGMENT_SECONDS !== 0) {
    throw new Error(`CHUNK_SECONDS must be a multiple of ${SEGMENT_SECONDS}`);
  }
  return {
    catalogTable: required('CATALOG_TABLE'),
    userTable: process.env.USER_TABLE ?? '',
    mediaBucket: required('MEDIA_BUCKET'),
    imagesBucket: process.env.IMAGES_BUCKET || required('MEDIA_BUCKET'),
    chunkQueueUrl: required('CHUNK_QUEUE_URL'),
    topicArn: required('MEDIA_EVENTS_TOPIC_ARN'),
    graphqlUrl: process.env.GRAPHQL_URL ?? '',
    chunkSeconds,
    maxReceiveCount: positiveInt('MAX_RECEIVE_COUNT', 3),
  };
}

/** The table holding an upload's state: the catalog for titles and trailers, the user table for library items. */
export function stateTable(config: MediaConfig, upload: { readonly owner?: string | null }): string {
  if (!upload.owner) return config.catalogTable;
  if (!config.userTable) throw new Error('USER_TABLE is not set, so library uploads cannot be processed.');
  return config.userTable;
}
