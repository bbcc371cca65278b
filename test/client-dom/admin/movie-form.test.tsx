import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, test } from 'vitest';
import { MovieForm } from '../../../client/src/features/admin/MovieForm';
import { answeringLink } from '../support/answering-link';
import { adminMovie } from '../support/movies';
import { renderInApp } from '../support/render';

const STALE =
  'The title was saved, but search could not be updated (the index is unreachable). Save the title again to make search find it as it is now.';

/** A server that writes the title and answers with the API's SearchIndexStale error beside it. */
function staleSearchServer() {
  return answeringLink(
    (request) =>
      request.operationName === 'CreateMovie'
        ? { createMovie: { __typename: 'Movie', id: 'movie-9', title: 'Narwhal Summit' } }
        : {
            updateMovie: {
              __typename: 'Movie',
              ...adminMovie({ id: 'movie-9', title: 'Narwhal Summit' }),
              updatedAt: '2026-12-04T00:00:00.000Z',
            },
          },
    () => [{ message: STALE, extensions: { errorType: 'SearchIndexStale' } }],
  );
}

async function fillNewTitle(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Title'), 'Narwhal Summit');
  await user.type(screen.getByLabelText('Synopsis'), 'Whales under the ice.');
  await user.type(screen.getByLabelText('Running time (minutes)'), '95');
  await user.click(screen.getByRole('checkbox', { name: 'Drama' }));
}

describe('a title the API saved but could not index for search', () => {
  test('creating it opens the new title with the warning, instead of an error that invites creating it again', async () => {
    const user = userEvent.setup();
    const server = staleSearchServer();
    renderInApp(
      <Routes>
        <Route path="/" element={<MovieForm />} />
        {/* As the edit screen mounts it: a form of its own for the title (keyed by its id). */}
        <Route
          path="/admin/:movieId"
          element={<MovieForm key="movie-9" movie={adminMovie({ id: 'movie-9', title: 'Narwhal Summit' })} />}
        />
      </Routes>,
      { link: server.link },
    );
    await fillNewTitle(user);
    await user.click(screen.getByRole('button', { name: 'Create title' }));

    // The edit form of the created title, with the API's words about search.
    expect(await screen.findByRole('button', { name: 'Save changes' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(STALE);
    expect(server.requests.filter((request) => request.operationName === 'CreateMovie')).toHaveLength(1);
  });

  test('saving changes says Saved, with the warning beside it', async () => {
    const user = userEvent.setup();
    const server = staleSearchServer();
    renderInApp(<MovieForm movie={adminMovie({ id: 'movie-9', title: 'Narwhal Summit' })} />, {
      link: server.link,
    });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Saved.');
    expect(screen.getByRole('alert').textContent).toBe(STALE);
  });
});
