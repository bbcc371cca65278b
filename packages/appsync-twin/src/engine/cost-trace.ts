import type { CostTraceEntry, CostTraceRecorder } from '../contracts';

/** Whether a cached resolver was answered from the API cache or ran (and filled it). */
export interface CacheTraceEntry {
  readonly resolver: string;
  readonly outcome: 'HIT' | 'MISS';
}

/** Collects the data-source calls and API-cache lookups of one GraphQL request. */
export class CostTrace implements CostTraceRecorder {
  readonly entries: CostTraceEntry[] = [];
  readonly cache: CacheTraceEntry[] = [];

  record(entry: CostTraceEntry): void {
    this.entries.push(entry);
  }

  recordCache(entry: CacheTraceEntry): void {
    this.cache.push(entry);
  }

  summary(): CostTraceSummary {
    let rcu = 0;
    let wcu = 0;
    let lambdaMs = 0;
    let lambdaInvocations = 0;
    const operations: Record<string, number> = {};
    const scans: string[] = [];
    for (const entry of this.entries) {
      operations[entry.operation] = (operations[entry.operation] ?? 0) + 1;
      rcu += entry.consumedCapacity?.readCapacityUnits ?? 0;
      wcu += entry.consumedCapacity?.writeCapacityUnits ?? 0;
      if (entry.lambda) {
        lambdaInvocations += 1;
        lambdaMs += entry.lambda.durationMs;
      }
      if (entry.operation === 'Scan')
        scans.push(`${entry.resolver}${entry.table ? ` on ${entry.table}` : ''}`);
    }
    return {
      dataSourceCalls: this.entries.length,
      operations,
      readCapacityUnits: round(rcu),
      writeCapacityUnits: round(wcu),
      lambdaInvocations,
      lambdaDurationMs: round(lambdaMs),
      scans,
      cacheHits: this.cache.filter((entry) => entry.outcome === 'HIT').length,
      cacheMisses: this.cache.filter((entry) => entry.outcome === 'MISS').length,
    };
  }
}

export interface CostTraceSummary {
  readonly dataSourceCalls: number;
  readonly operations: Readonly<Record<string, number>>;
  readonly readCapacityUnits: number;
  readonly writeCapacityUnits: number;
  readonly lambdaInvocations: number;
  readonly lambdaDurationMs: number;
  /** Resolvers that scanned a table: a Scan in a request path is usually a bug. */
  readonly scans: readonly string[];
  /** Cached resolvers answered from the API cache. */
  readonly cacheHits: number;
  /** Cached resolvers that ran because the cache had no live entry. */
  readonly cacheMisses: number;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** One log line per request: `query getItem 12.3ms | 2 calls (GetItem 2) 1 RCU 0 WCU | 0 λ`. */
export function formatTraceLine(label: string, durationMs: number, summary: CostTraceSummary): string {
  const ops = Object.entries(summary.operations)
    .map(([op, n]) => `${op} ${n}`)
    .join(', ');
  const parts = [
    `${label} ${durationMs.toFixed(1)}ms`,
    `${summary.dataSourceCalls} data-source call${summary.dataSourceCalls === 1 ? '' : 's'}${ops ? ` (${ops})` : ''}`,
    `${summary.readCapacityUnits} RCU ${summary.writeCapacityUnits} WCU`,
    `${summary.lambdaInvocations} Lambda invocation${summary.lambdaInvocations === 1 ? '' : 's'} ${summary.lambdaDurationMs}ms`,
  ];
  if (summary.cacheHits + summary.cacheMisses > 0)
    parts.push(
      `cache ${summary.cacheHits} hit${summary.cacheHits === 1 ? '' : 's'} ${summary.cacheMisses} miss`,
    );
  if (summary.scans.length > 0) parts.push(`SCAN! ${summary.scans.join(', ')}`);
  return parts.join(' | ');
}
