import { test, expect, _electron as electron } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The desktop app itself: Electron starts dist/electron/main.cjs and shows the first window.
// Electron's binary is downloaded when the package is installed; where that could not happen
// (no network), the test is skipped and says why.

/** Electron's binary as its package would find it, without trying to download it. */
function findElectron(): { path: string } | { reason: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && relative === undefined) {
    return { reason: `Electron's binary was never downloaded (${pathFile} is missing): run npm install where Electron's download server is reachable, or set ELECTRON_OVERRIDE_DIST_PATH` };
  }
  const path = override ? join(override, relative ?? 'electron') : join(packageDir, 'dist', relative ?? '');
  return existsSync(path) ? { path } : { reason: `Electron's binary is not at ${path}` };
}

test('the desktop app opens its window on app://zonelink with the bridge', async () => {
  const binary = findElectron();
  if ('reason' in binary) {
    console.log(`Skipping the Electron launch test: ${binary.reason}.`);
    test.skip(true, binary.reason);
    return;
  }
  const app = await electron.launch({
    executablePath: binary.path,
    // Chromium refuses its own sandbox when run as root (CI containers).
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), 'dist/electron/main.cjs'],
  });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe('app://zonelink/index.html');
    const welcome = page.getByRole('heading', { name: /Welkom|Eerste/i });
    const hasWelcome = await welcome
      .first()
      .waitFor({ timeout: 10_000 })
      .then(() => true, () => false);
    if (hasWelcome) await expect(welcome.first()).toBeVisible();
    else await expect(page).toHaveTitle('Zonelink');
    const shell = await page.evaluate(async () => (await window.zonelink?.app.info())?.shell);
    expect(shell).toBe('electron');
    const nodeInRenderer = await page.evaluate(() => typeof (globalThis as { require?: unknown }).require);
    expect(nodeInRenderer).toBe('undefined');
  } finally {
    await app.close();
  }
});
