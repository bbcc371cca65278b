import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchForReload, type HotReloadEvent, type HotReloadTarget } from '../../scripts/start/hot-reload';

/** Records what the watcher swaps in, as the running stack would receive it. */
class RecordingTarget implements HotReloadTarget {
  readonly resolvers: Array<{ key: string; code: string }> = [];
  readonly functions: Array<{ name: string; code: string }> = [];
  readonly lambdas: string[] = [];
  reloadResolverCode(typeName: string, fieldName: string, code: string): void {
    this.resolvers.push({ key: `${typeName}.${fieldName}`, code });
  }
  reloadFunctionCode(name: string, code: string): void {
    this.functions.push({ name, code });
  }
  async reloadLambda(name: string): Promise<void> {
    this.lambdas.push(name);
  }
}

const resolverSource = (greeting: string, lib = './lib') => `import { greet } from '${lib}/greet';
export function request() { return { payload: null }; }
export function response() { return greet('${greeting}'); }
`;

describe('hot reload watcher', () => {
  let repo: string;
  let target: RecordingTarget;
  const events: HotReloadEvent[] = [];
  let watcher: { close(): void };

  const nextEvent = async (count: number): Promise<HotReloadEvent> => {
    const deadline = Date.now() + 10_000;
    while (events.length < count) {
      if (Date.now() > deadline) throw new Error('No reload happened');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return events[count - 1] as HotReloadEvent;
  };

  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'hot-reload-'));
    mkdirSync(path.join(repo, 'resolvers', 'lib'), { recursive: true });
    mkdirSync(path.join(repo, 'resolvers', 'functions'), { recursive: true });
    mkdirSync(path.join(repo, 'functions', 'presign'), { recursive: true });
    writeFileSync(
      path.join(repo, 'resolvers', 'lib', 'greet.ts'),
      'export const greet = (s: string) => `hi ${s}`;\n',
    );
    writeFileSync(path.join(repo, 'resolvers', 'Query.hello.ts'), resolverSource('one'));
    writeFileSync(path.join(repo, 'resolvers', 'functions', 'step.ts'), resolverSource('step', '../lib'));
    target = new RecordingTarget();
    watcher = watchForReload(repo, target, (event) => events.push(event));
  });

  afterAll(() => {
    watcher.close();
    rmSync(repo, { recursive: true, force: true });
  });

  it('re-bundles an edited resolver with its imports and swaps it in', async () => {
    writeFileSync(path.join(repo, 'resolvers', 'Query.hello.ts'), resolverSource('two'));
    const event = await nextEvent(1);
    expect(event).toEqual({ file: path.join('resolvers', 'Query.hello.ts'), reloaded: ['Query.hello'] });
    const swapped = target.resolvers.at(-1);
    expect(swapped?.key).toBe('Query.hello');
    expect(swapped?.code).toContain('two');
    expect(swapped?.code).toContain('hi '); // the shared helper is bundled in
  });

  it('swaps a pipeline function by its file name', async () => {
    writeFileSync(path.join(repo, 'resolvers', 'functions', 'step.ts'), resolverSource('step two', '../lib'));
    expect((await nextEvent(2)).reloaded).toEqual(['function step']);
    expect(target.functions.at(-1)?.code).toContain('step two');
  });

  it('reloads every resolver and function when shared code changes', async () => {
    writeFileSync(
      path.join(repo, 'resolvers', 'lib', 'greet.ts'),
      'export const greet = (s: string) => `hello ${s}`;\n',
    );
    expect((await nextEvent(3)).reloaded).toEqual(['Query.hello', 'function step']);
    expect(target.resolvers.at(-1)?.code).toContain('hello ');
  });

  it('reloads a Lambda when its folder changes', async () => {
    writeFileSync(
      path.join(repo, 'functions', 'presign', 'handler.ts'),
      'export const handler = async () => 1;\n',
    );
    expect((await nextEvent(4)).reloaded).toEqual(['Lambda presign']);
    expect(target.lambdas).toEqual(['presign']);
  });

  it('reports a resolver that no longer bundles, and keeps watching', async () => {
    writeFileSync(path.join(repo, 'resolvers', 'Query.hello.ts'), 'export function request( {');
    const failed = await nextEvent(5);
    expect(failed.reloaded).toEqual([]);
    expect(failed.error).toBeTruthy();
    writeFileSync(path.join(repo, 'resolvers', 'Query.hello.ts'), resolverSource('three'));
    expect((await nextEvent(6)).reloaded).toEqual(['Query.hello']);
  });
});
