/**
 * Load-time checks: what AppSync refuses when code is saved or evaluated (https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html).
 * The rules mirror `@aws-appsync/eslint-plugin` and the supported-features page; each problem is
 * reported with its position, mapped to the original file through the inline source map.
 */
import { parse, type Node, type Program } from 'acorn';
import { ancestor } from 'acorn-walk';
import { CodeValidationError, type CodeError } from './errors';
import { readInlineSourceMap } from './source-map';

export const MAX_CODE_LENGTH = 32_000;

/** The modules the APPSYNC_JS runtime provides (https://docs.aws.amazon.com/appsync/latest/devguide/additional-utilities.html): AWS accepts their import even when unused. */
export const RUNTIME_MODULES = [
  '@aws-appsync/utils',
  '@aws-appsync/utils/dynamodb',
  '@aws-appsync/utils/rds',
  '@aws-appsync/utils/ai',
] as const;

interface Problem {
  readonly errorType: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

// acorn-walk's node types are loose; these narrow what the rules read.
type AnyNode = Node & Record<string, unknown>;

const UNSUPPORTED_STATEMENTS: Record<string, string> = {
  TryStatement: "The 'try' statement is not supported",
  ThrowStatement: "The 'throw' statement is not supported; use util.error()",
  ContinueStatement: "The 'continue' statement is not supported",
  WhileStatement: "'while' loops are not supported",
  DoWhileStatement: "'do...while' loops are not supported",
  ForStatement: "Classic 'for' loops are not supported; use 'for...of' or 'for...in'",
  LabeledStatement: 'Labeled statements are not supported',
  ClassDeclaration: 'Classes are not supported',
  ClassExpression: 'Classes are not supported',
  ThisExpression: "'this' is not supported",
  AwaitExpression: "'await' is not supported",
  YieldExpression: "'yield' is not supported",
  ImportExpression: 'Dynamic import() is not supported',
  MetaProperty: "'import.meta' and 'new.target' are not supported",
  DebuggerStatement: "The 'debugger' statement is not supported",
  ExportAllDeclaration: "'export * from' is not supported",
};

function nameOf(node: unknown): string | undefined {
  const candidate = node as { type?: string; name?: string; value?: unknown } | null;
  if (candidate?.type === 'Identifier') return candidate.name;
  if (candidate?.type === 'Literal' && typeof candidate.value === 'string') return candidate.value;
  return undefined;
}

function isFunctionNode(node: unknown): boolean {
  const type = (node as { type?: string } | null)?.type;
  return (
    type === 'FunctionExpression' || type === 'ArrowFunctionExpression' || type === 'FunctionDeclaration'
  );
}

function collectProblems(program: Program): Problem[] {
  const problems: Problem[] = [];
  const report = (node: Node, message: string, errorType = 'UNSUPPORTED_SYNTAX'): void => {
    problems.push({ errorType, message, start: node.start, end: node.end });
  };
  const userFunctions = new Set<string>();
  ancestor(program, {
    FunctionDeclaration(node) {
      const name = nameOf((node as unknown as AnyNode).id);
      if (name) userFunctions.add(name);
    },
    VariableDeclarator(node) {
      const declarator = node as unknown as AnyNode;
      const name = nameOf(declarator.id);
      if (name && isFunctionNode(declarator.init)) userFunctions.add(name);
    },
  });

  const visitors: Record<string, (node: Node, state: unknown, ancestors: Node[]) => void> = {};
  for (const [type, message] of Object.entries(UNSUPPORTED_STATEMENTS)) {
    visitors[type] = (node) => report(node, message);
  }
  Object.assign(visitors, {
    UpdateExpression(node: Node) {
      report(node, `The '${String((node as AnyNode).operator)}' operator is not supported`);
    },
    UnaryExpression(node: Node) {
      if ((node as AnyNode).operator === '~') report(node, "The '~' operator is not supported");
    },
    BinaryExpression(node: Node) {
      const operator = (node as AnyNode).operator;
      if (operator === 'in') report(node, "The 'in' operator is not supported; use Object.hasOwn()");
      if (operator === 'instanceof') report(node, "The 'instanceof' operator is not supported");
    },
    Literal(node: Node) {
      if ((node as AnyNode).regex) report(node, 'Regular expression literals are not supported');
    },
    Function(node: Node) {
      const fn = node as AnyNode;
      if (fn.async) report(node, 'async functions are not supported');
      if (fn.generator) report(node, 'Generators are not supported');
    },
    CallExpression(node: Node, _state: unknown, ancestors: Node[]) {
      const call = node as AnyNode;
      const callee = call.callee as AnyNode;
      if (callee.type === 'MemberExpression' && !callee.computed) {
        const property = nameOf(callee.property);
        if (property === 'apply' || property === 'bind' || property === 'call') {
          report(node, `Function.prototype.${property} is not supported`);
        }
      }
      const calleeName = nameOf(callee);
      if (callee.type === 'Identifier' && calleeName === 'Function')
        report(node, 'The Function constructor is not supported');
      if (callee.type === 'Identifier' && calleeName !== undefined && userFunctions.has(calleeName)) {
        const args = call.arguments as AnyNode[];
        for (const arg of args) {
          const argName = arg.type === 'Identifier' ? nameOf(arg) : undefined;
          if (isFunctionNode(arg) || (argName !== undefined && userFunctions.has(argName))) {
            report(arg, 'Passing a function as an argument is not supported');
          }
        }
        // Direct recursion: the call sits inside the function of the same name.
        const enclosing = ancestors.some((ancestorNode) => {
          const candidate = ancestorNode as AnyNode;
          if (candidate === call || !isFunctionNode(candidate)) return false;
          if (nameOf(candidate.id) === calleeName) return true;
          return false;
        });
        const enclosingDeclarator = ancestors.some((ancestorNode) => {
          const candidate = ancestorNode as AnyNode;
          return (
            candidate.type === 'VariableDeclarator' &&
            nameOf(candidate.id) === calleeName &&
            isFunctionNode(candidate.init)
          );
        });
        if (enclosing || enclosingDeclarator) report(node, 'Recursion is not supported');
      }
    },
    NewExpression(node: Node) {
      const callee = nameOf((node as AnyNode).callee);
      if (callee === 'Function') report(node, 'The Function constructor is not supported');
      if (callee === 'Promise') report(node, 'Promises are not supported');
    },
    ImportDeclaration(node: Node) {
      const source = nameOf((node as AnyNode).source) ?? '';
      if (!(RUNTIME_MODULES as readonly string[]).includes(source)) {
        // Bundling cannot help with an `@aws-appsync/` name: its npm package holds only types.
        const advice = source.startsWith('@aws-appsync/')
          ? `the runtime provides ${RUNTIME_MODULES.join(', ')}`
          : 'bundle it into the code';
        report(node, `Module '${source}' is not provided by the APPSYNC_JS runtime; ${advice}`);
      }
    },
    ExportNamedDeclaration(node: Node) {
      if ((node as AnyNode).source) report(node, "Re-exporting ('export ... from') is not supported");
    },
  });
  ancestor(program, visitors);
  return problems;
}

function lineColumn(offset: number, lineStarts: number[]): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) };
}

function lineStartsOf(code: string): number[] {
  const starts = [0];
  for (let i = 0; i < code.length; i += 1) if (code.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function toValidationError(
  code: string,
  filename: string,
  problems: readonly Problem[],
): CodeValidationError {
  const sourceMap = readInlineSourceMap(code);
  const starts = lineStartsOf(code);
  const codeErrors: CodeError[] = [];
  const details: string[] = [];
  for (const problem of problems) {
    const at = lineColumn(problem.start, starts);
    // Locations are 1-based lines and 1-based columns in the code as submitted (as EvaluateCode sees it).
    codeErrors.push({
      errorType: problem.errorType,
      value: problem.message,
      location: { line: at.line, column: at.column + 1, span: Math.max(0, problem.end - problem.start) },
    });
    const original = sourceMap?.original(at.line, at.column);
    const where = original
      ? `${original.file}:${original.line}:${original.column}`
      : `${filename}:${at.line}:${at.column + 1}`;
    details.push(`${where}: ${problem.message}`);
  }
  return new CodeValidationError(filename, codeErrors, details);
}

/** Parses and checks code; throws `CodeValidationError` with every problem found. */
export function validateCode(code: string, filename: string): Program {
  if (code.length > MAX_CODE_LENGTH) {
    throw toValidationError(code, filename, [
      {
        errorType: 'CODE_SIZE_EXCEEDED',
        message: `The code is ${code.length} characters long; AppSync allows at most ${MAX_CODE_LENGTH}`,
        start: 0,
        end: 0,
      },
    ]);
  }
  let program: Program;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: false });
  } catch (error) {
    const pos = (error as { pos?: unknown }).pos;
    const message = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, '') : String(error);
    const start = typeof pos === 'number' ? pos : 0;
    throw toValidationError(code, filename, [{ errorType: 'PARSER_ERROR', message, start, end: start }]);
  }
  const problems = collectProblems(program);
  if (problems.length > 0) throw toValidationError(code, filename, problems);
  return program;
}
