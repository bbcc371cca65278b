/** The APPSYNC_JS runtime of the local twin: load, validate and run resolver/function code. */
export { compileCode, type CompiledCode, type HandlerName } from './compile';
export { runHandler, DEFAULT_TIMEOUT_MS, type RunOptions, type RuntimeHandlerOutcome } from './run';
export {
  evaluateCode,
  BadRequestError,
  type EvaluateCodeInput,
  type EvaluateCodeOutput,
} from './evaluate-code';
export { CodeValidationError, CODE_ERRORS_MESSAGE, type CodeError } from './errors';
export { buildResolverContext, type ResolverContextInput } from './context';
export { MAX_CODE_LENGTH, RUNTIME_MODULES } from './validate';
