// The one Content-Security-Policy of the renderer. Electron's app:// protocol handler sends it as
// a header; the built index.html carries it as a meta tag (web mode and tests), without
// frame-ancestors, which a meta tag cannot express (Chromium ignores it there and logs an error).
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');
