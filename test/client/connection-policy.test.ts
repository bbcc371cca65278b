import { InMemoryCache, gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { typePolicies } from '../../client/src/lib/cache-policies';

const GENRE_ROW = gql`
  query GenreRow($genre: Genre!, $limit: Int, $nextToken: String) {
    moviesByGenre(genre: $genre, limit: $limit, nextToken: $nextToken) {
      items {
        id
        title
      }
      nextToken
    }
  }
`;

const page = (ids: string[], nextToken: string | null) => ({
  moviesByGenre: {
    __typename: 'MovieConnection',
    items: ids.map((id) => ({ __typename: 'Movie', id, title: `Title ${id}` })),
    nextToken,
  },
});

describe('nextToken connection cache policy', () => {
  it('appends a next page to the same genre, keeps genres apart, and replaces on refresh', () => {
    const cache = new InMemoryCache({ typePolicies });
    const write = (genre: string, nextToken: string | null, data: ReturnType<typeof page>) =>
      cache.writeQuery({ query: GENRE_ROW, variables: { genre, limit: 2, nextToken }, data });
    const read = (genre: string) =>
      cache.readQuery<ReturnType<typeof page>>({ query: GENRE_ROW, variables: { genre, limit: 2 } })
        ?.moviesByGenre;

    write('DRAMA', null, page(['a', 'b'], 't1'));
    write('DRAMA', 't1', page(['c'], null));
    write('COMEDY', null, page(['x'], null));

    expect(read('DRAMA')?.items.map((movie) => movie.id)).toEqual(['a', 'b', 'c']);
    expect(read('DRAMA')?.nextToken).toBeNull();
    expect(read('COMEDY')?.items.map((movie) => movie.id)).toEqual(['x']);

    write('DRAMA', null, page(['d'], 't9'));
    expect(read('DRAMA')?.items.map((movie) => movie.id)).toEqual(['d']);
    expect(read('DRAMA')?.nextToken).toBe('t9');
  });

  it('keys playback positions by title so a live update reaches every cached view of it', () => {
    const cache = new InMemoryCache({ typePolicies });
    const position = { __typename: 'PlaybackPosition', movieId: 'm1', positionSeconds: 10 };
    expect(cache.identify(position)).toBe('PlaybackPosition:{"movieId":"m1"}');
  });
});
