import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../build/csp';

// The renderer is served from app://zonelink/. IndexedDB (all of a station's data) belongs to the
// origin, so scheme and host must never change between versions: see docs/decisions/0002.
const APP_SCHEME = 'app';
const APP_HOST = 'zonelink';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready. Not corsEnabled: no other origin may read app:// files. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Whether a URL belongs to the app's own origin, app://zonelink. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Node's URL gives custom schemes an opaque origin ('null'), so compare the parts.
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.hostname === APP_HOST &&
      parsed.port === '' &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Backslashes (Windows separators), NUL, and colons (drive letters, alternate data streams). */
function hasForbiddenChar(path: string): boolean {
  return path.includes('\\') || path.includes('\u0000') || path.includes(':');
}

type Resolved = { kind: 'file'; path: string; hasExtension: boolean } | { kind: 'refused'; status: number; reason: string };

/**
 * Maps an app:// URL to a file under root, refusing anything that could leave it: a foreign
 * host, backslashes, NUL, colons (Windows drives and streams), '..' (literal or encoded),
 * malformed escapes, and any path that resolves outside root.
 */
export function resolveAppPath(root: string, url: string): Resolved {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', status: 400, reason: 'not a URL' };
  }
  if (!isAppUrl(url)) return { kind: 'refused', status: 404, reason: 'not the app origin' };
  const raw = parsed.pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed escape' };
  }
  if (hasForbiddenChar(raw) || hasForbiddenChar(decoded)) {
    return { kind: 'refused', status: 403, reason: 'backslash, NUL or colon in path' };
  }
  const segments = decoded.split('/');
  const relative = segments.filter((s) => s !== '' && s !== '.').join(sep);
  const absoluteRoot = resolve(root);
  const path = resolve(absoluteRoot, relative === '' ? 'index.html' : relative);
  if (!path.startsWith(absoluteRoot + sep)) return { kind: 'refused', status: 403, reason: 'outside the app folder' };
  // The URL parser folds literal and %2e dots, so a '..' left after decoding was smuggled in
  // encoded (..%2f): refused even when it would stay inside the root.
  if (segments.includes('..')) return { kind: 'refused', status: 403, reason: "encoded '..' in path" };
  return { kind: 'file', path, hasExtension: extname(decoded) !== '' };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function serveFile(path: string, method: string): Promise<Response> {
  const headers = {
    'Content-Type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  return new Response(method === 'HEAD' ? null : await readFile(path), { status: 200, headers });
}

/**
 * The app:// handler: files from root; an unknown path without an extension gets index.html
 * (the page itself), a missing file 404.
 */
export function createAppHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const resolved = resolveAppPath(root, request.url);
    if (resolved.kind === 'refused') return new Response(null, { status: resolved.status });
    if (await isFile(resolved.path)) return serveFile(resolved.path, request.method);
    if (!resolved.hasExtension) return serveFile(resolve(root, 'index.html'), request.method);
    return new Response(null, { status: 404 });
  };
}

/** Must run once the app is ready. */
export function serveApp(root: string): void {
  protocol.handle(APP_SCHEME, createAppHandler(root));
}
