/** A cloud assembly the twin cannot run; the message says what to change. */
export class AssemblyError extends Error {
  override readonly name = 'AssemblyError';
}
