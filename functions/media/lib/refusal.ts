/**
 * A problem with the uploaded file itself: the upload becomes FAILED with this reason (written for the admin)
 * and the message is done. Any other error is treated as transient and retried through the queue.
 */
export class MediaRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
