import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { StoredMessage } from './queue';
import type { LocalSqsService } from './service';

/** What a stopped stack's queues held: messages by queue name. */
interface SavedQueues {
  readonly version: 1;
  readonly queues: Readonly<Record<string, readonly StoredMessage[]>>;
}

/**
 * Writes every queue's messages to `file` (whole, then renamed into place), so an on-disk stack keeps them
 * across a restart as SQS keeps them across anything: work queued when `npm start` stopped (a title's chunk
 * jobs, say) is still done after the next start.
 */
export function saveQueueMessages(service: LocalSqsService, file: string): void {
  const queues: Record<string, readonly StoredMessage[]> = {};
  for (const queue of service.queues()) {
    const messages = queue.peek();
    if (messages.length > 0) queues[queue.name] = messages;
  }
  const saved: SavedQueues = { version: 1, queues };
  const scratch = `${file}.${process.pid}.tmp`;
  writeFileSync(scratch, JSON.stringify(saved));
  renameSync(scratch, file);
}

/**
 * Puts the messages `saveQueueMessages` wrote back into the queues of the same names, then removes the file,
 * so a later crash cannot deliver them a second time. Messages of queues the stack no longer has are
 * reported and dropped. Returns how many messages came back.
 */
export function restoreQueueMessages(
  service: LocalSqsService,
  file: string,
  warn: (line: string) => void,
): number {
  if (!existsSync(file)) return 0;
  let saved: SavedQueues;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as SavedQueues;
  } catch (error) {
    warn(
      `The queued messages saved in ${file} cannot be read (${String(error)}); starting with empty queues`,
    );
    rmSync(file, { force: true });
    return 0;
  }
  let restored = 0;
  for (const [name, messages] of Object.entries(saved.queues ?? {})) {
    const queue = service.queueByName(name);
    if (!queue) {
      warn(`${messages.length} saved messages of queue ${name} dropped: the stack no longer has that queue`);
      continue;
    }
    queue.restore(messages);
    restored += messages.length;
  }
  rmSync(file, { force: true });
  return restored;
}
