import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stackTimeout } from '../support/timeouts';
import { postGraphQL } from '../support/twin';
import { gqlWithKey as gql, twinCli } from '../support/twin-cli';

/**
 * The quickstart of packages/appsync-twin/README.md, for real: the `appsync-twin` command (a real process on free
 * ports) synthesizes examples/todo-api — a CDK app that is not Marquee's — serves it, and answers queries.
 */
const exampleDir = path.resolve(import.meta.dirname, '../../examples/todo-api');

const { run: runTwin, serve, stop, onDisk, workDir } = twinCli(exampleDir);

describe('appsync-twin serve on a CDK app that is not Marquee', () => {
  it(
    'synthesizes the todo API, seeds it through --seed, serves its resolvers, keeps its data and stops on signals',
    async () => {
      const first = await serve('first', [...onDisk({ synth: true }), '--seed', 'seed.ts']);
      expect(first.graphqlUrl).toBe(`http://127.0.0.1:${first.port}/graphql`);

      const seeded = await gql(first, '{ todos { items { id title done } } }');
      expect(seeded.body.data).toEqual({
        todos: { items: [{ id: expect.any(String), title: 'Read the appsync-twin README', done: false }] },
      });
      const added = await gql(first, 'mutation ($t: String!) { addTodo(title: $t) { id title done } }', {
        t: 'Try appsync-twin',
      });
      const { id } = (added.body.data?.addTodo ?? {}) as { id: string };
      const completed = await gql(first, 'mutation ($id: ID!) { completeTodo(id: $id) { title done } }', {
        id,
      });
      expect(completed.body.data).toEqual({ completeTodo: { title: 'Try appsync-twin', done: true } });

      // The resolver's util.error reaches the caller as AppSync shapes it; the server stays up.
      const refused = await gql(first, 'mutation { addTodo(title: "  ") { id } }');
      expect(refused.body.errors).toEqual([
        expect.objectContaining({
          errorType: 'BadRequest',
          message: 'A todo needs a title',
          path: ['addTodo'],
        }),
      ]);
      // No API key: refused as AppSync refuses it.
      const anonymous = await postGraphQL(first.graphqlUrl, '{ todos { items { id } } }');
      expect(anonymous.status).toBe(401);
      await stop(first, 'SIGINT');
      expect(first.log()).toContain('Stopped.');

      // Served again from the same assembly and data folder, without synthesizing or seeding: the data stayed.
      const second = await serve('second', onDisk());
      const kept = await gql(second, '{ todo(id: $id) { title done } }'.replace('$id', JSON.stringify(id)));
      expect(kept.body.data).toEqual({ todo: { title: 'Try appsync-twin', done: true } });
      const all = await gql(second, '{ todos { items { title } } }');
      expect(all.body.data?.todos).toEqual({
        items: expect.arrayContaining([
          { title: 'Read the appsync-twin README' },
          { title: 'Try appsync-twin' },
        ]),
      });
      await stop(second, 'SIGTERM');
    },
    stackTimeout(3),
  );

  it('names what is wrong with the command line or the assembly, and exits without starting anything', () => {
    const missing = runTwin(['serve', '--app', path.join(workDir(), 'nowhere')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      `No cloud assembly in ${path.join(workDir(), 'nowhere')} (no manifest.json)`,
    );

    const badPort = runTwin(['serve', '--port', 'eighty']);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('--port must be a port number from 1 to 65535, not "eighty"');

    const resetWithoutData = runTwin(['serve', '--reset']);
    expect(resetWithoutData.status).toBe(2);
    expect(resetWithoutData.stderr).toContain('--reset empties --data-dir: give --data-dir too');

    const help = runTwin(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: appsync-twin serve [options]');
  });
});
