import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleAppSyncCode } from 'appsync-twin/authoring';
import { buildResolverContext, compileCode, runHandler } from 'appsync-twin';
import { rejection } from '../support/appsync-js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'Query.item.[ds].ts');
// As the project root sees it, not percent-encoded and not relative to the folder a bundle was made in.
const shown = 'test/runtime/fixtures/Query.item.[ds].ts';

describe('file names in errors', () => {
  const bundled = bundleAppSyncCode(fixture);

  it('names the original file, decoded and project-relative, in load-time errors', () => {
    const error = rejection(bundled, 'resolvers/Query.item.js');
    expect(error.details).toEqual([
      `${shown}:12:10: The 'in' operator is not supported; use Object.hasOwn()`,
    ]);
    expect(error.message).not.toContain('%5B');
  });

  it('names it in runtime faults and log lines', () => {
    // Replaces the one construct AppSync refuses, keeping every position of the bundle.
    const accepted = bundled.replace(/"id" in ctx\.args/, 'Object.hasOwn(ctx.args, "id")');
    expect(accepted).not.toBe(bundled);
    const outcome = runHandler(
      compileCode(accepted, 'resolvers/Query.item.js'),
      'request',
      buildResolverContext({ arguments: { id: 'a' } }),
    );
    expect(outcome.status).toBe('error');
    expect(outcome.error?.message).toMatch(new RegExp(`^${escape(shown)}:7:\\d+: `));
    expect(outcome.logs).toEqual([
      expect.stringMatching(new RegExp(`^INFO - ${escape(shown)}:5:\\d+: loading a$`)),
    ]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
