import { describe, expect, test } from 'vitest';
import {
  deleteChoices,
  moveItem,
  nameProblem,
  roomLeft,
} from '../../../client/src/features/collections/collection-rules';

describe('collection rules', () => {
  test('moving an item swaps it with its neighbour and never past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  test('a name is 1–200 characters, said in plain words', () => {
    expect(nameProblem('   ')).toBe('Give the collection a name.');
    expect(nameProblem('x'.repeat(201))).toBe('The name is 201 characters long; keep it to 200 or fewer.');
    expect(nameProblem(' Trips ')).toBeNull();
  });

  test('a collection holds at most 20 items', () => {
    expect(roomLeft(0)).toBe(20);
    expect(roomLeft(18)).toBe(2);
    expect(roomLeft(20)).toBe(0);
  });

  test('the delete choices say what happens to the items', () => {
    expect(deleteChoices(3)).toEqual({
      keepItems: 'Delete the collection only (its 3 items stay in your library)',
      deleteItems:
        'Delete the collection and its 3 items (they are removed from your library and from every other collection)',
    });
    expect(deleteChoices(1)).toEqual({
      keepItems: 'Delete the collection only (its 1 item stays in your library)',
      deleteItems:
        'Delete the collection and its 1 item (it is removed from your library and from every other collection)',
    });
  });
});
