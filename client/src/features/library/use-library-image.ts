import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { deliveryUrl, setDeliveryCookies } from '../../lib/private-delivery';
import { LibraryImageQuery } from './operations';

/** A cached credential this close to `expiresAt` is asked for again rather than used. */
const EXPIRY_MARGIN_MS = 30_000;

export interface LibraryImageUrls {
  readonly thumbnailUrl: string;
  readonly largeUrl: string;
  /** Changes with each credential: the `key` of the `<img>`, so a failed one loads again with new cookies. */
  readonly version: string;
}

/**
 * A READY photo's WebP variants, once the page carries their signed cookies (the same private delivery as
 * streams: `setDeliveryCookies`). Null until then, so an `<img>` never asks without them. `onError` (a refused
 * or expired credential) asks `libraryImage` once more.
 */
export function useLibraryImage(
  id: string,
  ready: boolean,
): { urls: LibraryImageUrls | null; onError: () => void } {
  const { data, refetch } = useQuery(LibraryImageQuery, { variables: { id }, skip: !ready });
  const image = data?.libraryImage;
  const [withCookies, setWithCookies] = useState<typeof image>(undefined);
  const [retried, setRetried] = useState(false);

  useEffect(() => {
    if (!image) return;
    if (Date.parse(image.expiresAt) - Date.now() < EXPIRY_MARGIN_MS) {
      void refetch().catch(() => undefined);
      return;
    }
    setDeliveryCookies(image.credential);
    setWithCookies(image);
  }, [image, refetch]);

  const onError = () => {
    if (retried) return;
    setRetried(true);
    void refetch().catch(() => undefined);
  };

  const urls =
    withCookies && withCookies === image
      ? {
          thumbnailUrl: deliveryUrl(image.thumbnailUrl),
          largeUrl: deliveryUrl(image.largeUrl),
          version: image.expiresAt,
        }
      : null;
  return { urls, onError };
}
