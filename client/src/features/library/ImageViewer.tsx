import { useEffect, useRef, useState } from 'react';
import { Spinner } from '../../components/States';
import { useLibraryImage } from './use-library-image';

/**
 * A READY photo's large variant fitted to the page; a click opens it over the whole screen (fitted to it),
 * and a click or Escape leaves that view, giving focus back to the photo.
 */
export function ImageViewer({ itemId, title }: { itemId: string; title: string }) {
  const { urls, onError } = useLibraryImage(itemId, true);
  const [full, setFull] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!full) return;
    closer.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setFull(false);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener.current?.focus();
    };
  }, [full]);

  if (!urls) return <Spinner label="Loading the photo" />;
  return (
    <>
      <button
        ref={opener}
        type="button"
        className="library-item__photo"
        onClick={() => setFull(true)}
        aria-label={`View ${title} full screen`}
      >
        <img
          key={urls.version}
          src={urls.largeUrl}
          alt={title}
          onError={onError}
          data-testid="library-photo"
        />
      </button>
      {full && (
        <button
          ref={closer}
          type="button"
          className="image-viewer"
          onClick={() => setFull(false)}
          aria-label={`Close the full view of ${title}`}
          data-testid="image-viewer"
        >
          <img src={urls.largeUrl} alt="" />
        </button>
      )}
    </>
  );
}
