import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { META_CONTENT_SECURITY_POLICY } from './csp.ts';

const root = fileURLToPath(new URL('../renderer', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

// The dev server needs an inline script for fast refresh, so the CSP goes into the built page only.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'zonelink-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

// The renderer is served from app:// in Electron and from http://localhost in web mode and
// tests, so every asset URL is relative.
export default defineConfig({
  root,
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: { outDir, emptyOutDir: true, target: 'chrome140', sourcemap: true },
  worker: { format: 'es' },
  server: { strictPort: true },
  preview: { strictPort: true },
});
