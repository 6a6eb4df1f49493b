// Runs inside a dedicated Worker in Chromium (chromium-worker.test.ts bundles it with esbuild):
// the codec with the browser's own WebCrypto, CompressionStream and IndexedDB.
import { readBundle } from '../../../renderer/sync/bundle/read';
import { signSegment } from '../../../renderer/sync/bundle/segment';
import { writeBundle } from '../../../renderer/sync/bundle/write';
import { createStationKeys, sign, verify } from '../../../renderer/sync/crypto/keys';
import { utf8 } from '../../../renderer/sync/crypto/bytes';
import { everyone, makeOps, makeTestNetwork, META } from './fixtures';
import { mutants } from './mutants';
import { vectorKeys, type BundleVector } from './vector';

export interface HarnessInput {
  vectors: Array<{ vector: BundleVector; file: Uint8Array }>;
}

async function storeAndLoad<T>(value: T): Promise<T> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('harness', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('keys');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const request = (store: (s: IDBObjectStore) => IDBRequest) =>
    new Promise<unknown>((resolve, reject) => {
      const r = store(db.transaction('keys', 'readwrite').objectStore('keys'));
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  await request((s) => s.put(value, 'station'));
  return (await request((s) => s.get('station'))) as T;
}

async function run(input: HarnessInput) {
  const net = await makeTestNetwork();
  const segment = await signSegment(net.keys.R, net.network.id, makeOps(net.keys.R.station, 'net', 30));
  const bundle = await writeBundle({ sender: net.keys.R, roster: net.chain, recipients: [net.keys.A.station, net.keys.B.station], segments: [segment], meta: META, mayReceive: everyone, chunkSize: 256 });
  const asA = await readBundle(bundle, { roster: net.chain, keys: net.keys.A, acceptStream: everyone });
  const asC = await readBundle(bundle, { roster: net.chain, keys: net.keys.C, acceptStream: everyone });
  const wrong: string[] = [];
  let mutantCount = 0;
  for await (const m of mutants(bundle, { total: 400, everyBit: false, seed: 7, victim: net.keys.B.station, claimed: net.keys.C.station })) {
    mutantCount++;
    const r = await readBundle(m.bytes, { roster: net.chain, keys: m.reader === 'claimed' ? net.keys.C : net.keys.A, acceptStream: everyone });
    if (r.ok || r.reason !== m.expected) wrong.push(`${m.name}: ${r.ok ? 'ok' : r.reason}`);
  }
  const vectors = [];
  for (const { vector, file } of input.vectors) {
    const read = await readBundle(file, { roster: vector.roster, keys: await vectorKeys(vector, 'A'), acceptStream: everyone });
    vectors.push(read.ok ? read.segments : read.reason);
  }
  const keys = await createStationKeys('worker-station');
  const stored = await storeAndLoad(keys);
  const message = utf8('opgeslagen sleutel');
  const storedSigns = await verify(keys.publicKeys.signing, await sign(stored.signing.privateKey, message), message);
  return {
    bundle,
    roster: net.chain,
    readers: { A: asA.ok ? asA.segments : asA.reason, C: asC.ok ? 'ok' : asC.reason },
    mutants: { count: mutantCount, wrong },
    vectors,
    storedKey: { extractable: stored.signing.privateKey.extractable, signs: storedSigns },
  };
}

export type HarnessOutput = Awaited<ReturnType<typeof run>>;

self.onmessage = (event: MessageEvent<HarnessInput>) => {
  run(event.data).then(
    (result) => self.postMessage({ ok: true, result }),
    (error: unknown) => self.postMessage({ ok: false, error: String(error instanceof Error ? error.stack : error) }),
  );
};
