// `npm start`: builds, then runs the desktop app. Where Electron's binary cannot be had (it is
// downloaded from Electron's release server when Electron is installed, which needs the network), it says why in one
// paragraph and serves the same build in web mode on http://127.0.0.1:5180 (or the next free port).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WEB_PORT = 5180;
/** An Electron that exits with an error this soon after starting is taken as unable to run here. */
const EARLY_FAILURE_MS = 3000;

function build() {
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('The build failed; see above.');
    process.exit(result.status ?? 1);
  }
}

/**
 * Asks Electron's package for its binary, as `require('electron')` does (which downloads it
 * once where the network allows). Runs in a child so the download's own noise can be summed up.
 * @returns {{ path: string } | { kind: 'missing', reason: string }}
 */
function findElectron() {
  const probe = "try { process.stdout.write(require('electron')) } catch (e) { process.stderr.write('\\nZONELINK-REASON ' + e.message); process.exit(1) }";
  console.log("Looking for Electron's binary (where it is missing, Electron tries to download it first)…");
  const result = spawnSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8', timeout: 10 * 60_000 });
  if (result.status === 0 && result.stdout) {
    return existsSync(result.stdout) ? { path: result.stdout } : { kind: 'missing', reason: `Electron's package names ${result.stdout}, which does not exist` };
  }
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  const said = /ZONELINK-REASON (.*)/.exec(output)?.[1] ?? result.error?.message ?? 'it failed without a message';
  const download = /^\s*(\w*Error: .*)$/m.exec(output.replace(/ZONELINK-REASON .*/, ''))?.[1];
  return { kind: 'missing', reason: `require('electron') said "${said}"${download ? `; the download failed with "${download}"` : ''}` };
}

/**
 * Runs Electron on the app. Resolves with its exit code, or with a reason when it cannot start
 * at all (the spawn fails, or it dies with an error within the first seconds).
 * @returns {Promise<{ code: number } | { kind: 'failed', reason: string }>}
 */
function runElectron(binary) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
    child.once('error', (error) => resolve({ kind: 'failed', reason: `${binary} could not be started: ${error.message}` }));
    child.once('exit', (code, signal) => {
      const failed = code !== 0 && signal === null && Date.now() - started < EARLY_FAILURE_MS;
      resolve(failed ? { kind: 'failed', reason: `${binary} exited at once with code ${code}` } : { code: code ?? 0 });
    });
  });
}

/** One paragraph: why there is no desktop app, what to do, and what web mode means. */
function explain(outcome) {
  const remedy =
    outcome.kind === 'missing'
      ? "Electron's install script downloads that binary from Electron's release server, so it is missing where `npm install` ran without " +
        'network access to it. To get it, run `npm install` again (or `node node_modules/electron/install.js`) where ' +
        'the network allows, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked Electron 45.5.0.'
      : 'The binary is there but does not run on this machine: it needs a graphical session and, on Linux, the ' +
        "libraries Chromium uses (libnss3, libgtk-3, libgbm and the like); Electron's own message is above.";
  console.log(
    `\nZonelink cannot open as a desktop app here: Electron's binary could not be ${outcome.kind === 'missing' ? 'found' : 'started'}: ` +
      `${outcome.reason}. ${remedy} Until then the same build runs in web mode, in your browser: folders need a ` +
      "Chromium-based browser, and the data lives in that browser's storage for this address, apart from the desktop app's.\n",
  );
}

async function serveWebMode() {
  const server = await preview({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: WEB_PORT, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${WEB_PORT}/`;
  console.log(`Zonelink (web mode): ${url}   Ctrl+C stops it.`);
  const stop = async () => {
    await server.close();
    console.log('Zonelink (web mode) stopped.');
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

build();
const electron = findElectron();
const outcome = 'path' in electron ? await runElectron(electron.path) : electron;
if ('code' in outcome) process.exit(outcome.code);
explain(outcome);
await serveWebMode();
