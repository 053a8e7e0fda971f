import { useState } from 'react';

/**
 * Media URLs are handles that core registers afresh on every evidence:show, and the item page
 * refetches after every change (a moment added, a statement saved) and on window focus. A new
 * URL for the same file would make <video> reload and lose its place, and images flicker, so
 * the viewers keep the first URL they were given for each file; a handle lives until the
 * vault locks, and locking unmounts the viewers.
 */
export type MediaUrls = {
  /** The original's blob, or undefined for an item without a file. */
  readonly blobId: string | undefined;
  readonly mediaUrl: string | null;
  readonly stillUrls: Readonly<Record<string, string>>;
};

/** `kept` with whatever `fresh` adds: a new file, a URL where there was none, new stills. */
export function keepStableUrls(kept: MediaUrls, fresh: MediaUrls): MediaUrls {
  const keepMedia =
    kept.blobId === fresh.blobId && (kept.mediaUrl !== null || fresh.mediaUrl === null);
  const newStills = Object.keys(fresh.stillUrls).some((id) => !(id in kept.stillUrls));
  // Unchanged means the very same object: the hook below relies on it to stop re-rendering.
  if (keepMedia && !newStills) return kept;
  return {
    blobId: fresh.blobId,
    mediaUrl: keepMedia ? kept.mediaUrl : fresh.mediaUrl,
    stillUrls: newStills ? { ...fresh.stillUrls, ...kept.stillUrls } : kept.stillUrls,
  };
}

export function useStableUrls(fresh: MediaUrls): MediaUrls {
  const [kept, setKept] = useState(fresh);
  const next = keepStableUrls(kept, fresh);
  // Adjusting state while rendering (React's documented pattern for state derived from props).
  if (next !== kept) setKept(next);
  return next;
}
