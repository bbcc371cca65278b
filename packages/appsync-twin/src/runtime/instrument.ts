/**
 * Time-limit instrumentation: a call to the sandbox's `__appsyncTick()` at the top of every loop body
 * and function body, so a runaway handler is stopped by its own deadline check. (A `vm` timeout would
 * also work but costs a watchdog thread per call, ~140 µs, which dominated the per-call overhead.)
 * Loops other than for-of/for-in and recursion are rejected at load, so every unbounded path passes here.
 * Inserted text shifts columns on its line only; `ColumnShifts` maps reported columns back.
 */
import type { Program } from 'acorn';
import { simple } from 'acorn-walk';

export const TICK = '__appsyncTick()';

export interface Insertion {
  readonly offset: number;
  readonly text: string;
}

type Loose = { type: string; start: number; end: number } & Record<string, unknown>;

export function tickInsertions(program: Program): Insertion[] {
  const insertions: Insertion[] = [];
  const atBlockStart = (block: Loose): void => {
    insertions.push({ offset: block.start + 1, text: `${TICK};` });
  };
  const aroundStatement = (statement: Loose): void => {
    insertions.push({ offset: statement.start, text: `{${TICK};` }, { offset: statement.end, text: '}' });
  };
  const loop = (node: unknown): void => {
    const body = (node as Loose).body as Loose;
    if (body.type === 'BlockStatement') atBlockStart(body);
    else aroundStatement(body);
  };
  simple(program, {
    ForOfStatement: loop,
    ForInStatement: loop,
    Function(node) {
      const body = (node as unknown as Loose).body as Loose;
      if (body.type === 'BlockStatement') atBlockStart(body);
      else insertions.push({ offset: body.start, text: `(${TICK}, ` }, { offset: body.end, text: ')' });
    },
  });
  return insertions.sort((a, b) => a.offset - b.offset);
}

/** Maps a (line, column) of instrumented code back to the code before instrumentation. */
export class ColumnShifts {
  private readonly byLine = new Map<number, Array<{ column: number; length: number }>>();

  constructor(code: string, insertions: readonly Insertion[]) {
    let line = 1;
    let lineStart = 0;
    let scanned = 0;
    for (const insertion of insertions) {
      for (; scanned < insertion.offset; scanned += 1) {
        if (code.charCodeAt(scanned) === 10) {
          line += 1;
          lineStart = scanned + 1;
        }
      }
      const shifts = this.byLine.get(line) ?? [];
      shifts.push({ column: insertion.offset - lineStart, length: insertion.text.length });
      this.byLine.set(line, shifts);
    }
  }

  /** `column` 1-based as V8 reports it; returns the 1-based column in the original code. */
  original(line: number, column: number): number {
    const shifts = this.byLine.get(line);
    if (!shifts) return column;
    const position = column - 1;
    let shifted = 0;
    for (const shift of shifts) {
      const insertedAt = shift.column + shifted;
      if (position < insertedAt) break;
      if (position < insertedAt + shift.length) return shift.column + 1;
      shifted += shift.length;
    }
    return position - shifted + 1;
  }
}
