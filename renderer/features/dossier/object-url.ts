import { useEffect, useState } from 'react';

/** The bytes of a base64 string (the contract's encoding of the preview PDF). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A blob: URL for a base64 PDF, for viewers that load by URL. Each URL holds its bytes in
 * memory until revoked, so the one shown is revoked as soon as another replaces it, and on
 * unmount. It is made in the effect rather than while rendering so that React's development
 * double-mount (which runs the cleanup once) cannot leave the viewer with a revoked URL.
 */
export function usePdfObjectUrl(base64: string | undefined): string | null {
  const [shown, setShown] = useState<{ readonly base64: string; readonly url: string } | null>(
    null,
  );
  useEffect(() => {
    if (base64 === undefined) return undefined;
    const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: 'application/pdf' }));
    // The URL is an outside resource whose life is this effect's: made here, revoked below.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
    setShown({ base64, url });
    return () => URL.revokeObjectURL(url);
  }, [base64]);
  // Between a new preview and its effect, the old URL (already revoked) is not offered.
  return shown !== null && shown.base64 === base64 ? shown.url : null;
}
