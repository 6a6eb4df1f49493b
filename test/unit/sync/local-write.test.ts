import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '../../../renderer/sync/hlc';
import { stampOps } from '../../../renderer/sync/local-write';
import { opHash, valueMatchesHash } from '../../../renderer/sync/op';
import { ROW, T } from './make-op';

describe('stampOps', () => {
  it('gives each change its own tick, the next seqs, its prev, and a hash', () => {
    const remote = formatHlc({ wall: T + 1000, counter: 4, station: 'b' });
    const { ops, clock } = stampOps({
      origin: 'a',
      author: 'p',
      table: 'things',
      rowId: ROW,
      stream: 'zone:z1',
      lastSeq: 7,
      clock: remote,
      now: T,
      changes: [
        ['title', 'x'],
        ['note', null],
      ],
      heads: { title: remote },
    });
    expect(ops.map((o) => [o.seq, o.prev, o.field, o.value])).toEqual([
      [8, remote, 'title', 'x'],
      [9, null, 'note', null],
    ]);
    expect(ops.map((o) => parseHlc(o.hlc))).toEqual([
      { wall: T + 1000, counter: 5, station: 'a' },
      { wall: T + 1000, counter: 6, station: 'a' },
    ]);
    expect(clock).toBe(ops[1]!.hlc);
    for (const op of ops) {
      expect(valueMatchesHash(op)).toBe(true);
      expect(op.hash).toBe(opHash(op));
    }
  });
});
