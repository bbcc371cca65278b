/** Collection limits and the pure rules the screens apply (the API enforces the same: resolvers/lib/library.ts). */
export const MAX_COLLECTION_ITEMS = 20;
export const MAX_COLLECTION_NAME = 200;

/** A plain-words problem with a collection name, or null when it is fine. */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'Give the collection a name.';
  if (trimmed.length > MAX_COLLECTION_NAME) {
    return `The name is ${trimmed.length} characters long; keep it to ${MAX_COLLECTION_NAME} or fewer.`;
  }
  return null;
}

/** The ids with the one at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveItem(ids: readonly string[], index: number, direction: -1 | 1): string[] {
  const target = index + direction;
  const moved = [...ids];
  if (index < 0 || index >= ids.length || target < 0 || target >= ids.length) return moved;
  [moved[index], moved[target]] = [moved[target] as string, moved[index] as string];
  return moved;
}

/** How many more items fit in a collection that holds `count`. */
export function roomLeft(count: number): number {
  return Math.max(0, MAX_COLLECTION_ITEMS - count);
}

function items(count: number): string {
  return count === 1 ? '1 item' : `${count} items`;
}

/** The two choices of deleting a collection, said plainly. */
export function deleteChoices(itemCount: number): { keepItems: string; deleteItems: string } {
  const stay = itemCount === 1 ? 'stays' : 'stay';
  const they = itemCount === 1 ? 'it is' : 'they are';
  return {
    keepItems: `Delete the collection only (its ${items(itemCount)} ${stay} in your library)`,
    deleteItems: `Delete the collection and its ${items(itemCount)} (${they} removed from your library and from every other collection)`,
  };
}

const KIND_LABELS: Record<string, string> = { VIDEO: 'Video', IMAGE: 'Photo', AUDIO: 'Sound' };
const STATUS_LABELS: Record<string, string> = {
  UPLOADED: 'Waiting for processing',
  PROCESSING: 'Processing',
  READY: 'Ready',
  FAILED: 'Could not be processed',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}
