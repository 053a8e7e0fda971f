/**
 * Headers sent with everything Habeas serves to its renderer, in Electron and in browser mode.
 * Scripts only from the app itself, no network destinations beyond the app's own origin and the
 * media scheme, no framing. Styles allow 'unsafe-inline' because Mantine writes its CSS
 * variables into a <style> element at run time; scripts never get that allowance.
 */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: habeas-media:",
  "media-src 'self' blob: habeas-media:",
  "font-src 'self' data:",
  "connect-src 'self' habeas-media:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
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
