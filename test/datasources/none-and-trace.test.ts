import { afterAll, describe, expect, it } from 'vitest';
import { type DataSourceDefinition, DataSourceRequestError } from 'appsync-twin/testing';
import { recordingTrace, run, testInvoker } from '../support/datasources';

const invoker = testInvoker();
const none: DataSourceDefinition = { name: 'LocalOnly', type: 'NONE' };

afterAll(() => invoker.close());

describe('NONE data source', () => {
  it.each([
    { payload: { id: 'abc', status: 'pending', nested: [1, { x: null }] } },
    { payload: 'a string' },
    { payload: 0 },
    { payload: false },
    { payload: [1, 2] },
  ])('ctx.result is exactly the payload ($payload)', async ({ payload }) => {
    const { result, error } = await run(invoker, none, { payload });
    expect(error).toBeUndefined();
    expect(result).toEqual(payload);
  });

  it('a request without payload gives null', async () => {
    expect((await run(invoker, none, {})).result).toBeNull();
  });

  it('a request that is not an object is refused', async () => {
    await expect(
      invoker.invoke({ dataSource: none, request: 42, resolverKey: 'Mutation.x', trace: recordingTrace() }),
    ).rejects.toBeInstanceOf(DataSourceRequestError);
  });

  it('every call leaves one trace entry naming data source, type, operation, resolver and wall time', async () => {
    const trace = recordingTrace();
    await invoker.invoke({
      dataSource: none,
      request: { payload: 1 },
      resolverKey: 'Mutation.publish',
      trace,
    });
    await invoker.invoke({
      dataSource: none,
      request: { payload: 2 },
      resolverKey: 'Subscription.onPublish',
      trace,
    });
    expect(trace.entries).toEqual([
      {
        dataSource: 'LocalOnly',
        dataSourceType: 'NONE',
        operation: 'None',
        resolver: 'Mutation.publish',
        durationMs: expect.any(Number),
      },
      {
        dataSource: 'LocalOnly',
        dataSourceType: 'NONE',
        operation: 'None',
        resolver: 'Subscription.onPublish',
        durationMs: expect.any(Number),
      },
    ]);
    expect(trace.entries.every((entry) => entry.durationMs >= 0)).toBe(true);
  });
});
