/** Errors the runtime reports for code AppSync would refuse to save or run. */

/** One entry of EvaluateCode's `error.codeErrors`. */
export interface CodeError {
  readonly errorType: string;
  readonly value: string;
  readonly location: { readonly line: number; readonly column: number; readonly span: number };
}

/** Where a problem is in the original source (after following the inline source map when there is one). */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** AppSync's message for code it refuses (CreateResolver/UpdateResolver/EvaluateCode). */
export const CODE_ERRORS_MESSAGE = 'The code contains one or more errors.';

export class CodeValidationError extends Error {
  override readonly name = 'CodeValidationError';
  constructor(
    readonly filename: string,
    readonly codeErrors: readonly CodeError[],
    /** The same problems with the original file name, for humans: `file.ts:3:7: message`. */
    readonly details: readonly string[],
  ) {
    super(`${CODE_ERRORS_MESSAGE} ${details.join('; ')}`);
  }
}
