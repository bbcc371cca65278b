import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const UPLOAD_URL_SECONDS = 900;

/** The upload's file as the server chose and checked it. */
export interface UploadFile {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
  readonly contentType: string;
  readonly sizeBytes: number;
}

/**
 * The API's `UploadTarget`: a presigned PUT whose content type and length are signed, so S3 refuses a PUT
 * whose headers differ (a larger file than declared cannot land).
 */
export async function uploadTarget(s3: S3Client, file: UploadFile) {
  const command = new PutObjectCommand({
    Bucket: file.bucket,
    Key: file.key,
    ContentType: file.contentType,
    ContentLength: file.sizeBytes,
  });
  const url = await getSignedUrl(s3, command, {
    expiresIn: UPLOAD_URL_SECONDS,
    signableHeaders: new Set(['content-type', 'content-length']),
  });
  return {
    url,
    key: file.key,
    uploadId: file.uploadId,
    headers: { 'Content-Type': file.contentType },
    maxBytes: file.sizeBytes,
    expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString(),
  };
}
