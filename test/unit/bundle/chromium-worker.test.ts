import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS } from '../../../playwright.config';
import { readBundle } from '../../../renderer/sync/bundle/read';
import { everyone, makeTestNetwork, type TestNetwork } from './fixtures';
import type { HarnessOutput } from './chromium-harness';
import type { BundleVector } from './vector';

// The codec must run in a Worker in Chromium as well as in Node: this runs it there, with the
// browser's own WebCrypto, CompressionStream and IndexedDB, and reads its output back in Node.
const ORIGIN = `http://127.0.0.1:${process.env.ZONELINK_E2E_PORT ?? 4904}`;
const browserPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let output: HarnessOutput;
let net: TestNetwork;
const browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_FLAGS });
afterAll(() => browser.close());

beforeAll(async () => {
  net = await makeTestNetwork();
  const bundled = await build({ entryPoints: [new URL('./chromium-harness.ts', import.meta.url).pathname], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'warning' });
  const page = await browser.newPage();
  // Both routes are answered here; nothing listens on the port. 127.0.0.1 is a secure context, so WebCrypto is there.
  await page.route(`${ORIGIN}/**`, (route) =>
    route.request().url().endsWith('/worker.js')
      ? route.fulfill({ contentType: 'text/javascript', body: bundled.outputFiles[0]!.text })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>worker</title>' }),
  );
  await page.goto(`${ORIGIN}/`);
  const vectors = ['stored', 'deflate'].map((name) => {
    const dir = new URL('../../fixtures/bundle-vectors/', import.meta.url);
    const vector = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as BundleVector;
    return { vector, file: [...readFileSync(new URL(vector.file, dir))] };
  });
  const reply = await page.evaluate(
    (json: string) =>
      new Promise<{ ok: boolean; result?: unknown; error?: string }>((resolve) => {
        const input = JSON.parse(json) as Array<{ vector: unknown; file: number[] }>;
        const worker = new Worker('/worker.js');
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => resolve({ ok: false, error: e.message });
        worker.postMessage({ vectors: input.map((v) => ({ vector: v.vector, file: new Uint8Array(v.file) })) });
      }).then((r) => (r.ok ? { ok: true, result: { ...(r.result as object), bundle: [...(r.result as { bundle: Uint8Array }).bundle] } } : r)),
    JSON.stringify(vectors),
  );
  if (!reply.ok) throw new Error(reply.error);
  const result = reply.result as HarnessOutput & { bundle: number[] };
  output = { ...result, bundle: new Uint8Array(result.bundle) };
}, 120_000);

describe('the codec in a Chromium Worker', () => {
  it('writes a bundle that A reads and C is refused', () => {
    expect(Array.isArray(output.readers.A) && output.readers.A[0]!.ops).toHaveLength(30);
    expect(output.readers.C).toBe('notForThisStation');
  });

  it('refuses every mutant with its expected reason there too', () => {
    expect(output.mutants.wrong).toEqual([]);
    expect(output.mutants.count).toBeGreaterThanOrEqual(400);
  });

  it('decodes the fixed vectors to their ops', () => {
    const expected = ['stored', 'deflate'].map((name) => (JSON.parse(readFileSync(new URL(`../../fixtures/bundle-vectors/${name}.json`, import.meta.url), 'utf8')) as BundleVector).segments);
    expect(output.vectors).toEqual(expected);
  });

  it('stores non-extractable station keys in IndexedDB as they are, and they still sign', () => {
    expect(output.storedKey).toEqual({ extractable: false, signs: true });
  });

  it("writes bytes Node reads: Chromium's WebCrypto and deflate agree with Node's", async () => {
    const read = await readBundle(output.bundle, { roster: output.roster, keys: net.keys.A, acceptStream: everyone });
    expect(read.ok && read.segments[0]!.ops).toHaveLength(30);
  });
});
