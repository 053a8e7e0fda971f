/**
 * Headers sent with everything Habeas serves to its renderer, in Electron and in browser mode.
 * Scripts only from the app itself, no network destinations beyond the app's own origin and the
 * media scheme. Styles allow 'unsafe-inline' because Mantine writes its CSS variables into a
 * <style> element at run time; scripts never get that allowance. Workers come from the app only
 * (pdf.js's worker is a file of the build). pdf.js may also read blob: URLs, which only the page
 * itself can make: the dossier's live preview arrives as bytes. Frames may show media only: the article viewer
 * frames an HTML original with `sandbox=""`, and the media server sends it with a `sandbox`
 * CSP of its own, so none of its script runs. Everything else sends frame-ancestors 'none'.
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: habeas-media:",
  "media-src 'self' blob: habeas-media:",
  "font-src 'self' data:",
  "connect-src 'self' blob: habeas-media:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'self' habeas-media:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // Nothing Habeas serves may land in a browser cache on disk: media responses are
    // decrypted evidence.
    'Cache-Control': 'no-store',
  };
}
