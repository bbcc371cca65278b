/**
 * AppSync's `EvaluateCode` API, locally: same input (context as a JSON string) and the same output
 * fields (`evaluationResult`, `error {message, codeErrors}`, `logs`, `stash`, `outErrors`, all
 * JSON strings where the API returns strings).
 */
import { compileCode } from './compile';
import { CODE_ERRORS_MESSAGE, CodeValidationError, type CodeError } from './errors';
import { runHandler } from './run';

export interface EvaluateCodeInput {
  readonly code: string;
  /** JSON text of the context map (the API requires 2–28,000 characters). */
  readonly context: string;
  readonly function?: string;
  readonly runtime: { readonly name: string; readonly runtimeVersion: string };
  /** Shown in positions; AWS uses its own name for the submitted code. */
  readonly filename?: string;
  readonly timeoutMs?: number;
}

export interface EvaluateCodeOutput {
  evaluationResult?: string;
  error?: { message: string; codeErrors?: CodeError[] };
  logs: string[];
  stash?: string;
  outErrors?: string;
}

/** A request the API would refuse with `BadRequestException` before evaluating anything. */
export class BadRequestError extends Error {
  override readonly name = 'BadRequestException';
}

const MAX_CONTEXT_LENGTH = 28_000;
const MAX_CODE_REQUEST_LENGTH = 32_768;

function validateRequest(input: EvaluateCodeInput): {
  handler: 'request' | 'response';
  context: Record<string, unknown>;
} {
  if (input.runtime?.name !== 'APPSYNC_JS') throw new BadRequestError('The runtime name must be APPSYNC_JS.');
  if (input.runtime.runtimeVersion !== '1.0.0')
    throw new BadRequestError('The runtime version must be 1.0.0.');
  if (
    typeof input.code !== 'string' ||
    input.code.length < 1 ||
    input.code.length > MAX_CODE_REQUEST_LENGTH
  ) {
    throw new BadRequestError(`code must be between 1 and ${MAX_CODE_REQUEST_LENGTH} characters.`);
  }
  if (
    typeof input.context !== 'string' ||
    input.context.length < 2 ||
    input.context.length > MAX_CONTEXT_LENGTH
  ) {
    throw new BadRequestError(`context must be between 2 and ${MAX_CONTEXT_LENGTH} characters.`);
  }
  const handler = input.function ?? 'request';
  if (handler !== 'request' && handler !== 'response') {
    throw new BadRequestError("function must be 'request' or 'response'.");
  }
  let context: unknown;
  try {
    context = JSON.parse(input.context);
  } catch (error) {
    throw new BadRequestError(
      `context is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new BadRequestError('context must be a JSON object.');
  }
  return { handler, context: context as Record<string, unknown> };
}

export function evaluateCode(input: EvaluateCodeInput): EvaluateCodeOutput {
  const { handler, context } = validateRequest(input);
  let compiled;
  try {
    compiled = compileCode(input.code, input.filename ?? 'code.js');
  } catch (error) {
    if (error instanceof CodeValidationError) {
      return { error: { message: CODE_ERRORS_MESSAGE, codeErrors: [...error.codeErrors] }, logs: [] };
    }
    throw error;
  }
  const ctx: Record<string, unknown> = { ...context };
  const args = (context.arguments ?? context.args ?? {}) as Record<string, unknown>;
  ctx.arguments = args;
  ctx.args = args;
  ctx.stash = typeof context.stash === 'object' && context.stash !== null ? context.stash : {};
  const outcome = runHandler(
    compiled,
    handler,
    ctx,
    input.timeoutMs === undefined ? {} : { timeoutMs: input.timeoutMs },
  );
  const outErrors = [
    ...outcome.appendedErrors,
    ...(outcome.error && outcome.error.errorType !== 'Code' ? [outcome.error] : []),
  ];
  const output: EvaluateCodeOutput = {
    logs: [...outcome.logs],
    stash: JSON.stringify(ctx.stash),
    outErrors: JSON.stringify(outErrors),
  };
  if (outcome.status === 'error') output.error = { message: outcome.error?.message ?? 'Unknown error' };
  else output.evaluationResult = JSON.stringify(outcome.value ?? null);
  return output;
}
