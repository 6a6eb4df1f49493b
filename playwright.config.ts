import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import chromiumFlags from './build/chromium-flags.json' with { type: 'json' };

const port = Number(process.env.ZONELINK_E2E_PORT ?? 4873);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Debian's Chromium as root in a closed network (shared with the Chromium tests in vitest and the bench).
export const CHROMIUM_FLAGS: string[] = chromiumFlags;

if (!existsSync(chromium)) {
  throw new Error(`Chromium not found at ${chromium}: run "apt-get install -y chromium" (see README) or set CHROMIUM_PATH.`);
}

// The built renderer is served by `vite preview` under the runner's own webServer, which the
// runner starts and stops (a killed `npx vite preview` would leave vite running).
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 800 },
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    launchOptions: { executablePath: chromium, args: CHROMIUM_FLAGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --config build/vite.config.ts --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
