/**
 * Whether a JSON value (variables, a parsed AWSJSON string) nests objects and arrays more than `limit`
 * levels deep. Walks with an explicit stack, so a value nested any depth is measured without recursion;
 * a scalar is depth 0 and `{}` or `[]` depth 1.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<{ readonly value: unknown; readonly depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > limit) return true;
    const children = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) pending.push({ value: child, depth });
  }
  return false;
}
