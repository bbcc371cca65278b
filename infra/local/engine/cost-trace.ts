import type { CostTraceEntry, CostTraceRecorder } from '../contracts';

/** Collects the data-source calls of one GraphQL request. */
export class CostTrace implements CostTraceRecorder {
  readonly entries: CostTraceEntry[] = [];

  record(entry: CostTraceEntry): void {
    this.entries.push(entry);
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
  if (summary.scans.length > 0) parts.push(`SCAN! ${summary.scans.join(', ')}`);
  return parts.join(' | ');
}
