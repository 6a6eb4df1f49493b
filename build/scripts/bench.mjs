/* global window -- the functions passed to page.evaluate run in the bench page */
// `npm run bench`: sync benchmarks in Debian's Chromium on real IndexedDB. Each figure is the
// median of several runs, printed next to a baseline measured in the same run, as a ratio.
// Absolute times are reported, never asserted. `--small` (CI) only proves the bench still works.
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import CHROMIUM_FLAGS from '../chromium-flags.json' with { type: 'json' };

const small = process.argv.includes('--small');
const opCount = small ? 3_000 : 100_000;
const runs = small ? 3 : 5;
const origin = `http://127.0.0.1:${process.env.ZONELINK_BENCH_PORT ?? 4930}`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

// The IIFE page never reaches the client's default `new URL(..., import.meta.url)`: it passes the Worker's URL.
const bundle = (entry, format) =>
  build({ entryPoints: [entry], bundle: true, format, platform: 'browser', target: 'chrome140', write: false, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' } });
// esbuild does not follow `new Worker(new URL(...))`: the sync Worker is bundled on its own and
// the page's client is given its URL (decision 0046).
const [bundled, worker] = await Promise.all([bundle('test/bench/sync-bench-page.ts', 'iife'), bundle('renderer/data/sync/sync-worker.ts', 'esm')]);
const scripts = { '/bench.js': bundled.outputFiles[0].text, '/sync-worker.js': worker.outputFiles[0].text };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
let failed = false;
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  // Nothing listens on the port: both answers come from here. 127.0.0.1 is a secure context.
  await page.route(`${origin}/**`, (route) => {
    const script = scripts[new URL(route.request().url()).pathname];
    return script === undefined
      ? route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title><script src="/bench.js"></script>' })
      : route.fulfill({ contentType: 'text/javascript', body: script });
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => 'zonelinkBench' in window);
  page.setDefaultTimeout(0);

  console.log(`Zonelink sync bench: ${opCount.toLocaleString('en')} ops, median of ${runs} runs, Chromium ${browser.version()}`);
  const prepared = await page.evaluate(([n, r]) => window.zonelinkBench.prepare(n, r), [opCount, runs]);
  console.log(`setup: ${prepared.ops.toLocaleString('en')} ops written through the record layer in ${fmt(prepared.setupMs)}`);

  const exports = [];
  const aes = [];
  const aesJson = [];
  const imports = [];
  const raw = [];
  for (let i = 0; i < runs; i++) {
    exports.push(await page.evaluate(() => window.zonelinkBench.exportOnce()));
    aes.push(await page.evaluate(() => window.zonelinkBench.compressAesOnce('records')));
    aesJson.push(await page.evaluate(() => window.zonelinkBench.compressAesOnce('json')));
    imports.push(await page.evaluate((run) => window.zonelinkBench.importOnce(run), i));
    raw.push(await page.evaluate(() => window.zonelinkBench.rawPutOnce()));
  }
  const relays = [];
  for (let i = 0; i < runs; i++) relays.push(await page.evaluate(() => window.zonelinkBench.relayExportOnce()));
  const gzipJson = await page.evaluate(() => window.zonelinkBench.gzipJsonSize());

  const exportMs = median(exports.map((e) => e.ms));
  const aesMs = median(aes.map((e) => e.ms));
  const aesJsonMs = median(aesJson.map((e) => e.ms));
  const relayMs = median(relays.map((e) => e.ms));
  const importMs = median(imports.map((e) => e.ms));
  const rawMs = median(raw.map((e) => e.ms));
  const bundleBytes = exports[0].bytes;
  const readMs = median(raw.map((e) => e.readMs));
  const rows = [
    ['export', fmt(exportMs), `compress + AES-GCM ${fmt(aesMs)}`, exportMs / aesMs, 'target <= 1.5 (the same bytes: the bundle\'s records)'],
    ['export', fmt(exportMs), `compress + AES of JSON ${fmt(aesJsonMs)}`, exportMs / aesJsonMs, 'the ops as JSON: no hash lists, smaller'],
    ['export', fmt(exportMs), `raw IndexedDB put ${fmt(rawMs)}`, exportMs / rawMs, ''],
    ['relay export', fmt(relayMs), `compress + AES-GCM ${fmt(aesMs)}`, relayMs / aesMs, "others' ops, read one record each"],
    ['import', fmt(importMs), `raw IndexedDB put ${fmt(rawMs)}`, importMs / rawMs, 'target <= 3'],
    ['import', fmt(importMs), `compress + AES-GCM ${fmt(aesMs)}`, importMs / aesMs, ''],
    ['bundle size', `${(bundleBytes / 1e6).toFixed(2)} MB`, `gzipped JSON ${(gzipJson / 1e6).toFixed(2)} MB`, bundleBytes / gzipJson, ''],
    ['(floor)', fmt(readMs), `compress + AES-GCM ${fmt(aesMs)}`, readMs / aesMs, 'reading the same ops back: one getAll, one record an op'],
  ];
  console.log(`records: ${(aes[0].plainBytes / 1e6).toFixed(2)} MB; the ops as JSON: ${(aesJson[0].plainBytes / 1e6).toFixed(2)} MB`);
  console.log('');
  for (const [name, value, baseline, ratio, target] of rows) {
    console.log(`${name.padEnd(12)} ${value.padStart(10)}   vs ${baseline.padEnd(34)} ratio ${ratio.toFixed(2).padStart(6)}  ${target}`);
  }
  const planMs = median(exports.map((e) => e.planMs));
  console.log(`export = plan (read the ops, summary) ${fmt(planMs)} + write (sign, encode, compress, encrypt, check) ${fmt(exportMs - planMs)}`);
  console.log(`longest main-thread task (import and export in the sync Worker): export ${Math.max(...exports.map((e) => e.longestTaskMs)).toFixed(0)} ms, import ${Math.max(...imports.map((e) => e.longestTaskMs)).toFixed(0)} ms (target < 100 ms)`);
  console.log(`runs (ms): export ${exports.map((e) => e.ms.toFixed(0)).join(' ')} | import ${imports.map((e) => e.ms.toFixed(0)).join(' ')}`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
