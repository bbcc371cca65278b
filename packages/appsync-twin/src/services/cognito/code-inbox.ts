/** A code Cognito would have e-mailed or texted, as the local pool delivered it. */
export interface DeliveredCode {
  readonly code: string;
  /** The pool's username (the `sub` when the pool signs in by e-mail). */
  readonly username: string;
  readonly destination: string;
  readonly medium: 'EMAIL' | 'SMS';
}

export interface CodeInbox {
  /** The last code delivered to this username, e-mail address, phone number or sub. */
  latest(username: string): string | undefined;
  /** The pending code for this user, or the next one delivered within `timeoutMs`. */
  waitFor(username: string, timeoutMs: number): Promise<string>;
}

interface CodeEntry {
  readonly delivery: DeliveredCode;
  pending: boolean;
}

/** Keeps delivered codes by every name a developer may know the user by. */
export class CodeInboxStore implements CodeInbox {
  private readonly byName = new Map<string, CodeEntry>();
  private readonly waiters = new Map<string, Array<(code: string) => void>>();

  record(delivery: DeliveredCode, aliases: readonly string[]): void {
    const entry: CodeEntry = { delivery, pending: true };
    const names = new Set([delivery.username, delivery.destination, ...aliases].map(normalise));
    for (const name of names) {
      this.byName.set(name, entry);
      const waiting = this.waiters.get(name);
      if (!waiting) continue;
      this.waiters.delete(name);
      for (const resolve of waiting) resolve(delivery.code);
    }
  }

  /** Marks the user's code as used, so `waitFor` waits for the next one. */
  consume(username: string): void {
    const entry = this.byName.get(normalise(username));
    if (entry) entry.pending = false;
  }

  latest(username: string): string | undefined {
    return this.byName.get(normalise(username))?.delivery.code;
  }

  waitFor(username: string, timeoutMs: number): Promise<string> {
    const name = normalise(username);
    const entry = this.byName.get(name);
    if (entry?.pending) return Promise.resolve(entry.delivery.code);
    return new Promise((resolve, reject) => {
      const deliver = (code: string): void => {
        clearTimeout(timer);
        resolve(code);
      };
      const timer = setTimeout(() => {
        const remaining = (this.waiters.get(name) ?? []).filter((w) => w !== deliver);
        if (remaining.length) this.waiters.set(name, remaining);
        else this.waiters.delete(name);
        reject(new Error(`No verification code was delivered to ${username} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(name, [...(this.waiters.get(name) ?? []), deliver]);
    });
  }
}

function normalise(name: string): string {
  return name.trim().toLowerCase();
}
