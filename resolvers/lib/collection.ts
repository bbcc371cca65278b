import { badRequest } from './errors';
import { LIBRARY_LIMITS } from './library';
import type { StoredLibraryItem } from './library-item';
import { requireId } from './validate';
import type { Collection } from '../types/schema';

/** A collection as the user table stores it (`USER#<sub>` / `COLLECTION#<id>`): item ids in the owner's order. */
export interface StoredCollection {
  collectionId: string;
  name: string;
  itemIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** The root fields' result; `Collection.items` resolves the ids from `itemIds`. */
export type CollectionResult = Omit<Collection, 'items'> & { itemIds: string[] };

export function toCollection(stored: StoredCollection): CollectionResult {
  return {
    id: stored.collectionId,
    name: stored.name,
    itemIds: stored.itemIds ?? [],
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}

export function requireCollectionName(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length < 1 || text.length > LIBRARY_LIMITS.maxCollectionNameLength) {
    badRequest(`name must be 1–${LIBRARY_LIMITS.maxCollectionNameLength} characters.`);
  }
  return text;
}

/** 0–20 valid ids without repeats (a repeat is refused: an order with an item twice is not an order). */
export function requireCollectionItemIds(value: unknown): string[] {
  const ids = (value ?? []) as unknown[];
  if (ids.length > LIBRARY_LIMITS.maxCollectionItems) {
    badRequest(`A collection holds at most ${LIBRARY_LIMITS.maxCollectionItems} items.`);
  }
  const unique: string[] = [];
  ids.forEach((id) => {
    const valid = requireId(id, 'itemIds');
    if (unique.indexOf(valid) >= 0) badRequest(`itemIds names ${valid} twice.`);
    unique.push(valid);
  });
  return unique;
}

/** Refuses ids the caller has no item for (another user's items, deleted items), naming them. */
export function requireOwnedItems(ids: string[], found: StoredLibraryItem[]): void {
  const foundIds = found.map((item) => item.itemId);
  const missing = ids.filter((id) => foundIds.indexOf(id) < 0);
  if (missing.length > 0) badRequest(`These items are not in your library: ${missing.join(', ')}.`);
}
