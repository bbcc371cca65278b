import { existsSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { bundleAppSyncCode } from 'appsync-twin/authoring';

/** What the running stack offers for swapping code in without a restart. */
export interface HotReloadTarget {
  reloadResolverCode(typeName: string, fieldName: string, code: string): void;
  reloadFunctionCode(functionName: string, code: string): void;
  /** Reloads the Lambda function built from `functions/<name>/`. */
  reloadLambda(name: string): Promise<void>;
}

export interface HotReloadEvent {
  readonly file: string;
  readonly reloaded: readonly string[];
  readonly error?: string;
}

/** What one changed source file means for the running API. */
export type ReloadPlan =
  | {
      readonly kind: 'resolver';
      readonly typeName: string;
      readonly fieldName: string;
      readonly file: string;
    }
  | { readonly kind: 'function'; readonly name: string; readonly file: string }
  | { readonly kind: 'all-appsync' }
  | { readonly kind: 'lambda'; readonly name: string }
  | { readonly kind: 'none' };

/**
 * Maps a path relative to the repository root to what must be reloaded, following the layout
 * `resolvers/<Type>.<field>.ts`, `resolvers/functions/<name>.ts`, shared code elsewhere under
 * `resolvers/`, and Lambdas in `functions/<name>/`.
 */
export function planReload(relativeFile: string): ReloadPlan {
  const parts = relativeFile.split(path.sep);
  if (parts[0] === 'functions' && parts.length >= 3 && parts[1]) return { kind: 'lambda', name: parts[1] };
  if (parts[0] !== 'resolvers' || !relativeFile.endsWith('.ts') || relativeFile.endsWith('.d.ts'))
    return { kind: 'none' };
  if (parts[1] === 'types') return { kind: 'none' };
  if (parts.length === 2) {
    const match = /^([A-Z]\w*)\.(\w+)\.ts$/.exec(parts[1] ?? '');
    if (match?.[1] && match[2])
      return { kind: 'resolver', typeName: match[1], fieldName: match[2], file: relativeFile };
  }
  if (parts.length === 3 && parts[1] === 'functions' && parts[2])
    return { kind: 'function', name: parts[2].replace(/\.ts$/, ''), file: relativeFile };
  return { kind: 'all-appsync' };
}

function appsyncEntries(repoRoot: string): ReloadPlan[] {
  const plans: ReloadPlan[] = [];
  const resolversDir = path.join(repoRoot, 'resolvers');
  for (const file of readdirSync(resolversDir)) plans.push(planReload(path.join('resolvers', file)));
  const functionsDir = path.join(resolversDir, 'functions');
  if (existsSync(functionsDir))
    for (const file of readdirSync(functionsDir))
      plans.push(planReload(path.join('resolvers', 'functions', file)));
  return plans.filter((plan) => plan.kind === 'resolver' || plan.kind === 'function');
}

/** Applies one plan; returns what was reloaded. A resolver the stack does not attach is skipped. */
async function apply(repoRoot: string, plan: ReloadPlan, target: HotReloadTarget): Promise<string[]> {
  switch (plan.kind) {
    case 'resolver':
      target.reloadResolverCode(
        plan.typeName,
        plan.fieldName,
        bundleAppSyncCode(path.join(repoRoot, plan.file)),
      );
      return [`${plan.typeName}.${plan.fieldName}`];
    case 'function':
      target.reloadFunctionCode(plan.name, bundleAppSyncCode(path.join(repoRoot, plan.file)));
      return [`function ${plan.name}`];
    case 'lambda':
      await target.reloadLambda(plan.name);
      return [`Lambda ${plan.name}`];
    case 'all-appsync': {
      const reloaded: string[] = [];
      const failures: string[] = [];
      for (const entry of appsyncEntries(repoRoot)) {
        try {
          reloaded.push(...(await apply(repoRoot, entry, target)));
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
      if (failures.length > 0) throw new Error(failures.join('\n'));
      return reloaded;
    }
    case 'none':
      return [];
  }
}

/**
 * Watches `resolvers/` and `functions/` and swaps changed code into the running stack. Changes to
 * the schema or the CDK app itself need a restart (the cloud assembly changes).
 */
export function watchForReload(
  repoRoot: string,
  target: HotReloadTarget,
  onReload: (event: HotReloadEvent) => void,
): { close(): void } {
  const watchers: FSWatcher[] = [];
  const pending = new Map<string, NodeJS.Timeout>();
  let queue = Promise.resolve();
  const schedule = (relativeFile: string): void => {
    clearTimeout(pending.get(relativeFile));
    // Editors write a file in several steps; wait for the burst to settle.
    pending.set(
      relativeFile,
      setTimeout(() => {
        pending.delete(relativeFile);
        const plan = planReload(relativeFile);
        if (plan.kind === 'none') return;
        queue = queue.then(async () => {
          try {
            onReload({ file: relativeFile, reloaded: await apply(repoRoot, plan, target) });
          } catch (error) {
            onReload({ file: relativeFile, reloaded: [], error: (error as Error).message });
          }
        });
      }, 120),
    );
  };
  for (const folder of ['resolvers', 'functions']) {
    const dir = path.join(repoRoot, folder);
    if (!existsSync(dir)) continue;
    watchers.push(
      watch(dir, { recursive: true }, (_event, name) => {
        if (name) schedule(path.join(folder, name.toString()));
      }),
    );
  }
  return {
    close() {
      for (const watcher of watchers) watcher.close();
      for (const timer of pending.values()) clearTimeout(timer);
    },
  };
}
