/**
 * Saves text as a file the browser way: a Blob URL behind a temporary `<a download>`. The URL is
 * revoked once clicked, so the JSON does not stay reachable for the life of the window.
 */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    URL.revokeObjectURL(url);
  }
}
