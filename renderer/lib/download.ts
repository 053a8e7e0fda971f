/**
 * Downloads the browser way, through a temporary `<a download>`: browser mode has no save
 * dialog of its own, and Electron's is reached through core where there is one.
 */
function clickDownload(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
  }
}

/** A file served at `url` (the app's own media URL), saved as `fileName`. */
export function downloadUrl(url: string, fileName: string): void {
  clickDownload(url, fileName);
}

/**
 * Bytes held by the page, saved as `fileName`. The Blob URL is revoked a minute later (some
 * browsers start reading it after click() returns), so it does not stay reachable.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  clickDownload(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
