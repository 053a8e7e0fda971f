/**
 * Whether a media URL lives on another origin than the page: in Electron the app is
 * app://habeas and media habeas-media://media, in browser mode both are the loopback server.
 * A cross-origin <video> must be loaded in CORS mode, or the browser refuses to read its
 * frames back from a canvas (and a still could not be captured).
 */
export function isCrossOrigin(url: string, pageUrl: string): boolean {
  try {
    const media = new URL(url, pageUrl);
    const page = new URL(pageUrl);
    // Compared by parts, not URL.origin, which is "null" for schemes a URL parser does not
    // know as special (app:, habeas-media: outside Electron).
    return media.protocol !== page.protocol || media.host !== page.host;
  } catch {
    return false;
  }
}
