/**
 * `compileCode`: validates APPSYNC_JS code, rewrites its ES module syntax into a factory function
 * (keeping every line and column of the handlers in place), and prepares one sandbox for it.
 */
import type { Program } from 'acorn';
import { randomBytes } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import vm from 'node:vm';
import { ColumnShifts, tickInsertions } from './instrument';
import { formatEpochMillis, javaTimeMessage, parseToEpochMillis } from './java-time';
import { preludeScriptOnce } from './prelude-bundle';
import { readInlineSourceMap, type SourceMapLookup } from './source-map';
import { validateCode } from './validate';

export type HandlerName = 'request' | 'response';

/** Code ready to run: one vm context per compiled code, reused for every call. */
export interface CompiledCode {
  readonly filename: string;
  readonly code: string;
  /** Export names the code defines (`request`, `response`, ...). */
  readonly exports: readonly string[];
  /** @internal */ readonly sandbox: Sandbox;
  /** @internal */ readonly sourceMap: SourceMapLookup | null;
  /** @internal */ readonly columnShifts: ColumnShifts;
}

/**
 * @internal The sandbox's one entry point: a sandbox-realm function the host calls directly (JSON text in,
 * JSON text out), held only by the host. A direct call needs no script run per handler call; it drains no
 * microtask queue, and none is needed: the code cannot queue any (no `Promise`, and `async` functions and
 * generators are refused at load). The time limit is enforced inside the sandbox (see `instrument.ts`).
 */
export interface Sandbox {
  readonly context: vm.Context;
  readonly invoke: (payload: string) => unknown;
}

const REQUIRE = '__appsync_require__';

interface Replacement {
  start: number;
  end: number;
  text: string;
}

type Loose = { type: string; start: number; end: number } & Record<string, unknown>;

function identifierName(node: unknown): string {
  const n = node as { type?: string; name?: string; value?: unknown };
  return n.type === 'Identifier' ? (n.name ?? '') : String(n.value);
}

/** Same text length on a single line; keeps the newline count for multi-line replacements. */
function keepLines(original: string, text: string): string {
  const newlines = (original.match(/\n/g) ?? []).length - (text.match(/\n/g) ?? []).length;
  return text + '\n'.repeat(Math.max(0, newlines));
}

function blank(original: string): string {
  return original.replace(/[^\n]/g, ' ');
}

function rewriteModule(code: string, program: Program): { body: string; exports: Map<string, string> } {
  const replacements: Replacement[] = tickInsertions(program).map(({ offset, text }) => ({
    start: offset,
    end: offset,
    text,
  }));
  const exports = new Map<string, string>();
  for (const statement of program.body as unknown as Loose[]) {
    const original = code.slice(statement.start, statement.end);
    if (statement.type === 'ImportDeclaration') {
      const source = JSON.stringify(identifierName(statement.source));
      const specifiers = statement.specifiers as Loose[];
      const parts: string[] = [];
      const named: string[] = [];
      for (const specifier of specifiers) {
        const local = identifierName(specifier.local);
        if (specifier.type === 'ImportNamespaceSpecifier')
          parts.push(`const ${local} = ${REQUIRE}(${source});`);
        else if (specifier.type === 'ImportDefaultSpecifier')
          parts.push(`const ${local} = ${REQUIRE}(${source}).default;`);
        else named.push(`${identifierName(specifier.imported)}: ${local}`);
      }
      if (named.length) parts.push(`const { ${named.join(', ')} } = ${REQUIRE}(${source});`);
      if (!specifiers.length) parts.push(`${REQUIRE}(${source});`);
      replacements.push({
        start: statement.start,
        end: statement.end,
        text: keepLines(original, parts.join(' ')),
      });
    } else if (statement.type === 'ExportNamedDeclaration') {
      const declaration = statement.declaration as Loose | null;
      if (declaration) {
        replacements.push({
          start: statement.start,
          end: declaration.start,
          text: blank(code.slice(statement.start, declaration.start)),
        });
        if (declaration.type === 'FunctionDeclaration') {
          const name = identifierName(declaration.id);
          exports.set(name, name);
        } else if (declaration.type === 'VariableDeclaration') {
          for (const declarator of declaration.declarations as Loose[]) {
            const id = declarator.id as Loose;
            if (id.type === 'Identifier') exports.set(identifierName(id), identifierName(id));
          }
        }
      } else {
        for (const specifier of statement.specifiers as Loose[]) {
          exports.set(identifierName(specifier.exported), identifierName(specifier.local));
        }
        replacements.push({ start: statement.start, end: statement.end, text: blank(original) });
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration as Loose;
      replacements.push({
        start: statement.start,
        end: declaration.start,
        text: 'const __appsync_default__ = ',
      });
      exports.set('default', '__appsync_default__');
    }
  }
  let body = '';
  let cursor = 0;
  replacements.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const replacement of replacements) {
    body += code.slice(cursor, replacement.start) + replacement.text;
    cursor = replacement.end;
  }
  body += code.slice(cursor);
  return { body, exports };
}

/** `util.time`'s Java patterns, answered as a string either way: nothing but primitives enters the sandbox. */
function javaTimeBridge(operation: unknown, value: unknown, pattern: unknown, zoneId: unknown): string {
  try {
    const zone = typeof zoneId === 'string' ? zoneId : undefined;
    const result =
      operation === 'format'
        ? formatEpochMillis(Number(value), String(pattern), zone)
        : String(parseToEpochMillis(String(value), String(pattern), zone));
    return `ok:${result}`;
  } catch (error) {
    return `error:${javaTimeMessage(error)}`;
  }
}

function createSandbox(filename: string, moduleScript: vm.Script): Sandbox {
  const context = vm.createContext(
    {},
    {
      name: `APPSYNC_JS ${filename}`,
      codeGeneration: { strings: false, wasm: false },
      microtaskMode: 'afterEvaluate',
    },
  );
  const install = preludeScriptOnce().runInContext(context) as (...args: unknown[]) => Sandbox['invoke'];
  const factory = moduleScript.runInContext(context) as unknown;
  // Host → sandbox traffic is limited to primitives; this bridge returns only a hex string.
  const randomHex = (byteCount: number): string => {
    const count = Number.isInteger(byteCount) && byteCount > 0 && byteCount <= 1024 ? byteCount : 16;
    return randomBytes(count).toString('hex');
  };
  // The sandbox shares this isolate's heap: its growth during a call is the handler's allocation.
  const heapUsed = (): number => getHeapStatistics().used_heap_size;
  const invoke = install(filename, randomHex, factory, heapUsed, javaTimeBridge);
  return { context, invoke };
}

/**
 * Validates and prepares APPSYNC_JS code (as `bundleAppSyncCode` emits it). Throws `CodeValidationError`
 * for code AppSync would refuse. Compile once and reuse the result: each call runs in the same sandbox
 * but re-evaluates the module body, so module-level state never leaks from one call to the next.
 */
export function compileCode(code: string, filename = 'code.js'): CompiledCode {
  const program = validateCode(code, filename);
  const { body, exports } = rewriteModule(code, program);
  const exported = [...exports.entries()]
    .map(([name, local]) => `${JSON.stringify(name)}: ${local}`)
    .join(', ');
  const wrapped = `(function (${REQUIRE}) { 'use strict';\n${body}\n;return { ${exported} };\n})`;
  const moduleScript = new vm.Script(wrapped, { filename, lineOffset: -1 });
  return {
    filename,
    code,
    exports: [...exports.keys()],
    sandbox: createSandbox(filename, moduleScript),
    sourceMap: readInlineSourceMap(code),
    columnShifts: new ColumnShifts(code, tickInsertions(program)),
  };
}
