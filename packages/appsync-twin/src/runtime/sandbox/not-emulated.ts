/** Functions of runtime-provided modules the twin accepts at load but cannot run faithfully. */

export class NotEmulatedError extends Error {
  override readonly name = 'NotEmulatedError';
}

/**
 * AWS accepts the import whether or not the function is used, so only a call fails; the message
 * names the function so the resolver's author knows what the twin lacks.
 */
export function notEmulated(moduleName: string, functionName: string): (...args: unknown[]) => never {
  return () => {
    throw new NotEmulatedError(`${functionName}() of '${moduleName}' is not emulated by the twin`);
  };
}

/** `prefix` names a namespace object of the module (`agg.`), so the message shows how it was called. */
export function notEmulatedFunctions(
  moduleName: string,
  names: readonly string[],
  prefix = '',
): Record<string, (...args: unknown[]) => never> {
  return Object.fromEntries(names.map((name) => [name, notEmulated(moduleName, `${prefix}${name}`)]));
}
