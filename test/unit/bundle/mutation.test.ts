import { beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../../renderer/sync/bundle/read';
import { signSegment } from '../../../renderer/sync/bundle/segment';
import { writeBundle } from '../../../renderer/sync/bundle/write';
import { inspectBundle } from '../../../renderer/sync/bundle/format';
import { everyone, makeOps, makeTestNetwork, NOW, type TestNetwork } from './fixtures';
import { mutants } from './mutants';

const DEEP = process.env.ZONELINK_DEEP === '1';
const TOTAL = DEEP ? 20_000 : 2_000;

let net: TestNetwork;
let bundle: Uint8Array;
beforeAll(async () => {
  net = await makeTestNetwork();
  const own = await signSegment(net.keys.R, net.network.id, makeOps(net.keys.R.station, 'net', 20));
  const relayed = await signSegment(net.keys.A, net.network.id, makeOps(net.keys.A.station, 'net', 10));
  bundle = await writeBundle({
    sender: net.keys.R,
    roster: net.chain,
    recipients: [net.keys.A.station, net.keys.B.station],
    segments: [own, relayed],
    meta: { createdAt: NOW, appVersion: '0.1.0', acks: {} },
    mayReceive: everyone,
    chunkSize: 256,
  });
});

describe(`mutation test (${TOTAL} mutants${DEEP ? ', deep' : ''})`, () => {
  it('positive control: the unmutated bundle reads, with several chunks', async () => {
    const { layout } = await inspectBundle(bundle);
    expect(layout.chunks.length).toBeGreaterThanOrEqual(8);
    const read = await readBundle(bundle, { roster: net.chain, keys: net.keys.A, acceptStream: everyone });
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.segments.flatMap((s) => s.ops)).toHaveLength(30);
  });

  it('refuses every mutant with its expected reason and returns nothing of it', async () => {
    const wrong: string[] = [];
    const counts = new Map<string, number>();
    let total = 0;
    for await (const mutant of mutants(bundle, { total: TOTAL, everyBit: DEEP, seed: 20260302, victim: net.keys.B.station, claimed: net.keys.C.station })) {
      total++;
      const keys = mutant.reader === 'claimed' ? net.keys.C : net.keys.A;
      const result = await readBundle(mutant.bytes, { roster: net.chain, keys, acceptStream: everyone });
      counts.set(mutant.expected, (counts.get(mutant.expected) ?? 0) + 1);
      if (result.ok || result.reason !== mutant.expected || 'segments' in result) {
        wrong.push(`${mutant.name}: expected ${mutant.expected}, got ${result.ok ? 'ok' : `${result.reason} (${result.detail})`}`);
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(TOTAL);
    for (const reason of ['notBundle', 'tooNew', 'truncated', 'corrupted', 'notForThisStation']) expect(counts.get(reason)).toBeGreaterThan(0);
  }, DEEP ? 600_000 : 60_000);
});
