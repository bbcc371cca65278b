import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stackTimeout } from '../support/timeouts';
import { gqlWithKey as gql, twinCli } from '../support/twin-cli';

/**
 * examples/notes-rds — AppSync on Aurora PostgreSQL through the Data API, resolvers written with
 * `@aws-appsync/utils/rds` — synthesized and served by the `appsync-twin` command on a real PostgreSQL.
 */
const exampleDir = path.resolve(import.meta.dirname, '../../examples/notes-rds');

const { serve, stop, onDisk } = twinCli(exampleDir);

interface Note {
  id: string;
  title: string;
  body: string | null;
  pinned: boolean;
  createdAt: string;
}
const NOTE = 'id title body pinned createdAt';

describe('appsync-twin serve on an AppSync API with an Aurora PostgreSQL data source', () => {
  it(
    'creates, lists, updates and deletes notes in PostgreSQL, answers SQL errors as AppSync does, and keeps the data',
    async () => {
      const first = await serve('first', [...onDisk({ synth: true }), '--sql', 'schema.sql']);

      const add = async (title: string, body?: string) => {
        const { body: answer } = await gql(
          first,
          `mutation ($t: String!, $b: String) { addNote(title: $t, body: $b) { ${NOTE} } }`,
          {
            t: title,
            b: body,
          },
        );
        expect(answer.errors).toBeUndefined();
        return (answer.data as { addNote: Note }).addNote;
      };
      const groceries = await add('Groceries', 'milk, eggs');
      const ideas = await add('  Ideas  ');
      expect(groceries).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        title: 'Groceries',
        body: 'milk, eggs',
        pinned: false,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      });
      expect(ideas).toMatchObject({ title: 'Ideas', body: null, pinned: false });

      const list = async (args = '') => {
        const { body } = await gql(first, `{ notes${args} { ${NOTE} } }`);
        expect(body.errors).toBeUndefined();
        return (body.data as { notes: Note[] }).notes;
      };
      expect(await list()).toEqual(expect.arrayContaining([groceries, ideas]));
      expect(await list('(limit: 1)')).toHaveLength(1);

      const updated = await gql(
        first,
        `mutation ($id: ID!) { updateNote(id: $id, pinned: true, body: "an app") { ${NOTE} } }`,
        {
          id: ideas.id,
        },
      );
      expect(updated.body.data).toEqual({ updateNote: { ...ideas, pinned: true, body: 'an app' } });
      expect(await list('(pinned: true)')).toEqual([{ ...ideas, pinned: true, body: 'an app' }]);
      expect(await list('(pinned: false)')).toEqual([groceries]);

      // PostgreSQL refuses the row (CHECK constraint): the response handler gets ctx.error as AppSync
      // wraps a Data API error, and the field fails with it.
      const refused = await gql(first, 'mutation { addNote(title: "   ") { id } }');
      expect(refused.body.errors).toEqual([
        expect.objectContaining({
          path: ['addNote'],
          errorType: '400 Bad Request',
          message: expect.stringMatching(
            /^RDSHttp:\{"message":"ERROR: new row for relation \\"notes\\" violates check constraint \\"notes_title_check\\".*SQLState: 23514"\}$/s,
          ),
        }),
      ]);
      // A malformed UUID (sent with typeHint.UUID) is PostgreSQL's to refuse, too.
      const badId = await gql(first, 'mutation { deleteNote(id: "not-a-uuid") { id } }');
      expect(badId.body.errors?.[0]?.message).toContain(
        'invalid input syntax for type uuid: \\"not-a-uuid\\"',
      );
      expect(await list()).toHaveLength(2);

      const deleted = await gql(first, `mutation ($id: ID!) { deleteNote(id: $id) { ${NOTE} } }`, {
        id: groceries.id,
      });
      expect(deleted.body.data).toEqual({ deleteNote: groceries });
      const again = await gql(first, `mutation ($id: ID!) { deleteNote(id: $id) { id } }`, {
        id: groceries.id,
      });
      expect(again.body).toEqual({ data: { deleteNote: null } });
      await stop(first, 'SIGINT');

      // The same data folder again (and the idempotent schema.sql): PostgreSQL kept the notes.
      const second = await serve('second', [...onDisk(), '--sql', 'schema.sql']);
      const kept = await gql(second, `{ notes { ${NOTE} } }`);
      expect(kept.body.data).toEqual({ notes: [{ ...ideas, pinned: true, body: 'an app' }] });
      await stop(second, 'SIGTERM');
    },
    stackTimeout(4),
  );
});
