import type { LibraryItemKind } from '../../gql/graphql';
import { commaList } from '../../lib/comma-list';
import { formatSize } from '../../lib/upload-rate';

/**
 * What `requestLibraryUpload` accepts (`RequestLibraryUploadInput` in schema.graphql), checked before
 * anything is sent so the viewer hears at once why a file cannot go in, and the API's limits on an item's
 * details (`LibraryItem`), shared by the upload form and the item page.
 */
export const ACCEPTED_TYPES: Readonly<Record<LibraryItemKind, readonly string[]>> = {
  VIDEO: ['video/mp4', 'video/quicktime', 'video/x-matroska', 'video/webm'],
  IMAGE: ['image/jpeg', 'image/png', 'image/webp'],
  AUDIO: ['audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/wav', 'audio/flac', 'audio/ogg'],
};

export const MAX_BYTES: Readonly<Record<LibraryItemKind, number>> = {
  VIDEO: 2 * 1024 ** 3,
  IMAGE: 10 * 1024 ** 2,
  AUDIO: 200 * 1024 ** 2,
};

export const DETAIL_LIMITS = { title: 200, description: 2000, tags: 20, tagLength: 40 } as const;

/** The `accept` list of the file picker: every accepted type, and extensions browsers may not map. */
export const ACCEPT_ATTRIBUTE = [...Object.values(ACCEPTED_TYPES).flat(), '.mkv', '.m4a', '.flac'].join(',');

/** Names browsers give the accepted types that are not the API's (Chromium: `audio/x-m4a`, Firefox: `audio/x-wav`). */
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/x-aac': 'audio/aac',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/x-flac': 'audio/flac',
  'video/x-mkv': 'video/x-matroska',
};

/** The type of a file the browser gives no type for (`.mkv` and `.flac` often), by its extension. */
const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
};

const KIND_NOUN: Readonly<Record<LibraryItemKind, string>> = {
  VIDEO: 'Videos',
  IMAGE: 'Photos',
  AUDIO: 'Sounds',
};

/** What a picked file becomes, or why it is refused (in words for the viewer). */
export type FileCheck =
  | { readonly ok: true; readonly kind: LibraryItemKind; readonly contentType: string }
  | { readonly ok: false; readonly problem: string };

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** The API's content type for a file: its MIME type (aliases mapped), or by extension when it has none. */
export function contentTypeOf(file: { readonly name: string; readonly type: string }): string {
  const declared = file.type.trim().toLowerCase().split(';')[0] ?? '';
  if (declared) return TYPE_ALIASES[declared] ?? declared;
  return TYPE_BY_EXTENSION[extensionOf(file.name)] ?? '';
}

/** Which kind a content type is, or null for a type the library does not take. */
export function kindOf(contentType: string): LibraryItemKind | null {
  const kinds = Object.keys(ACCEPTED_TYPES) as LibraryItemKind[];
  return kinds.find((kind) => ACCEPTED_TYPES[kind].includes(contentType)) ?? null;
}

/** Infers the kind from the file's type and checks it and the size as the API will. */
export function checkFile(file: {
  readonly name: string;
  readonly type: string;
  readonly size: number;
}): FileCheck {
  const contentType = contentTypeOf(file);
  const kind = kindOf(contentType);
  if (!kind) {
    const found = contentType ? ` (it is ${contentType})` : '';
    return {
      ok: false,
      problem: `${file.name} cannot go in your library${found}. Choose a video (MP4, MOV, MKV or WebM), a photo (JPEG, PNG or WebP) or a sound (MP3, M4A/AAC, WAV, FLAC or Ogg).`,
    };
  }
  if (file.size < 1) return { ok: false, problem: `${file.name} is empty.` };
  if (file.size > MAX_BYTES[kind]) {
    return {
      ok: false,
      problem: `${file.name} is ${formatSize(file.size)}; ${KIND_NOUN[kind].toLowerCase()} can be at most ${formatSize(MAX_BYTES[kind])}.`,
    };
  }
  return { ok: true, kind, contentType };
}

/** The title a new item gets unless the viewer types one: the file name without its extension. */
export function defaultTitle(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const base = (dot > 0 ? fileName.slice(0, dot) : fileName).trim();
  return (base || fileName).slice(0, DETAIL_LIMITS.title);
}

/** An item's details as typed; tags are one comma-separated field. */
export interface DetailValues {
  readonly title: string;
  readonly description: string;
  readonly tags: string;
}

export interface ItemDetails {
  readonly title: string;
  readonly description: string;
  readonly tags: string[];
}

export type DetailErrors = Partial<Record<keyof DetailValues, string>>;

/** Checks the details against the API's limits (title 1–200, description ≤ 2,000, ≤ 20 tags of 1–40). */
export function validateDetails(values: DetailValues): { details?: ItemDetails; errors: DetailErrors } {
  const errors: DetailErrors = {};
  const title = values.title.trim();
  const description = values.description.trim();
  // The API stores tags lower-cased without repeats: count them as it will.
  const tags = [...new Set(commaList(values.tags).map((tag) => tag.toLowerCase()))];
  if (title.length < 1 || title.length > DETAIL_LIMITS.title) {
    errors.title = `Enter a title of 1–${DETAIL_LIMITS.title} characters.`;
  }
  if (description.length > DETAIL_LIMITS.description) {
    errors.description = `Keep the description to ${DETAIL_LIMITS.description.toLocaleString('en')} characters (it has ${description.length.toLocaleString('en')}).`;
  }
  if (tags.length > DETAIL_LIMITS.tags) {
    errors.tags = `Use at most ${DETAIL_LIMITS.tags} tags (there are ${tags.length}), separated by commas.`;
  } else if (tags.some((tag) => tag.length > DETAIL_LIMITS.tagLength)) {
    errors.tags = `Keep each tag to ${DETAIL_LIMITS.tagLength} characters.`;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { errors, details: { title, description, tags } };
}

/** Maps an API field (`title`, `input.tags`, `Each tag …`) to the form field showing its error. */
export function detailFieldFor(apiField: string): keyof DetailValues | undefined {
  const name = apiField.replace(/^input\./, '');
  if (name === 'title' || name === 'description' || name === 'tags') return name;
  return undefined;
}

/** The filter labels, in the order the viewer sees them. */
export const KIND_FILTERS: ReadonlyArray<{ readonly kind: LibraryItemKind | null; readonly label: string }> =
  [
    { kind: null, label: 'All' },
    { kind: 'VIDEO', label: KIND_NOUN.VIDEO },
    { kind: 'IMAGE', label: KIND_NOUN.IMAGE },
    { kind: 'AUDIO', label: KIND_NOUN.AUDIO },
  ];
