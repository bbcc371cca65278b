import type { CostTraceRecorder, LambdaInvocationResult, LambdaRegistry } from '../../contracts';

/** One field instance's call, waiting to be sent with the others of its batch. */
export interface BatchCall {
  readonly functionId: string;
  /** Calls are only batched with calls of the same resolver (the same field). */
  readonly resolverKey: string;
  /** The per-request trace: calls from different GraphQL requests are never batched together. */
  readonly trace: CostTraceRecorder;
  /** The data source's name, for the cost trace. */
  readonly dataSourceName: string;
  readonly payload: unknown;
  readonly maxBatchSize: number;
}

/** What the one invocation of a batch returned, and this call's position in it. */
export interface BatchSlot {
  readonly invocation: LambdaInvocationResult;
  readonly index: number;
  readonly size: number;
}

export interface LambdaBatcher {
  enqueue(call: BatchCall): Promise<BatchSlot>;
}

interface PendingBatch {
  readonly calls: BatchCall[];
  readonly waiters: Array<{ resolve: (slot: BatchSlot) => void; reject: (error: unknown) => void }>;
}

/**
 * Collects the BatchInvoke calls made for the same field in the same turn of the event loop (as
 * AppSync collects the instances of a field at one execution level) and invokes the function once per
 * batch of up to `maxBatchSize` payloads, with the array of payloads as the event. `onInvoked` runs
 * once per real invocation (the cost trace records invocations, not calls).
 */
export function createLambdaBatcher(
  registry: LambdaRegistry,
  onInvoked?: (calls: readonly BatchCall[], invocation: LambdaInvocationResult, wallMs: number) => void,
): LambdaBatcher {
  const open = new WeakMap<CostTraceRecorder, Map<string, PendingBatch>>();

  async function send(calls: readonly BatchCall[], batch: PendingBatch): Promise<void> {
    const [first] = calls;
    if (!first) return;
    const started = performance.now();
    try {
      const invocation = await registry.invoke(
        first.functionId,
        calls.map((call) => call.payload),
      );
      onInvoked?.(calls, invocation, performance.now() - started);
      batch.waiters.forEach((waiter, index) => waiter.resolve({ invocation, index, size: calls.length }));
    } catch (error) {
      batch.waiters.forEach((waiter) => waiter.reject(error));
    }
  }

  return {
    enqueue(call) {
      let byKey = open.get(call.trace);
      if (!byKey) {
        byKey = new Map();
        open.set(call.trace, byKey);
      }
      const key = `${call.functionId}\u0000${call.resolverKey}`;
      let batch = byKey.get(key);
      if (!batch) {
        const created: PendingBatch = { calls: [], waiters: [] };
        batch = created;
        byKey.set(key, created);
        setImmediate(() => {
          if (byKey.get(key) === created) byKey.delete(key);
          if (created.calls.length > 0) void send(created.calls, created);
        });
      }
      const promise = new Promise<BatchSlot>((resolve, reject) => batch.waiters.push({ resolve, reject }));
      batch.calls.push(call);
      if (batch.calls.length >= Math.max(1, call.maxBatchSize)) {
        // Full: send now; later calls in this turn start a new batch.
        byKey.delete(key);
        const full = batch;
        void send(full.calls.splice(0), { calls: [], waiters: full.waiters.splice(0) });
      }
      return promise;
    },
  };
}
