import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../lib/errors';
import { AddToMyListMutation, RemoveFromMyListMutation } from './operations';

/** Adds to or removes from My List; the My List row refreshes from the server after the change. */
export function MyListButton({ movieId, inMyList }: { movieId: string; inMyList: boolean }) {
  const options = {
    variables: { movieId },
    refetchQueries: ['MyList'],
  };
  // The typename lets the optimistic result normalize onto the cached title (codegen omits it from the types).
  const addedMovie = { __typename: 'Movie' as const, id: movieId, inMyList: true };
  const removedMovie = { ...addedMovie, inMyList: false };
  const [add, adding] = useMutation(AddToMyListMutation, {
    ...options,
    optimisticResponse: { addToMyList: addedMovie },
  });
  const [remove, removing] = useMutation(RemoveFromMyListMutation, {
    ...options,
    optimisticResponse: { removeFromMyList: removedMovie },
  });
  const error = adding.error ?? removing.error;
  return (
    <>
      <button
        type="button"
        className="button"
        aria-pressed={inMyList}
        onClick={() => void (inMyList ? remove() : add()).catch(() => undefined)}
        data-testid="my-list-toggle"
      >
        {inMyList ? '✓ In My List' : '+ My List'}
      </button>
      {error && (
        <span className="field__error" role="alert">
          {errorMessage(error)}
        </span>
      )}
    </>
  );
}
