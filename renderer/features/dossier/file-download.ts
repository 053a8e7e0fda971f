/**
 * Offers a file served at `url` (the app's own media URL) as a download named `name`, the way a
 * browser does for `<a href download>`: browser mode has no save dialog of its own.
 */
export function downloadUrl(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
  }
}
