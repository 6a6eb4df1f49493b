import { describe, expect, it } from 'vitest';
import { deletableBundles, type CleanupInput, type FolderBundle } from '../../../renderer/domain/sync-folder';

// Stations a (zone 1), b (zone 1), c (zone 2). Streams: "net" seen by all, "z:1" by zone 1 only.
const ZONE: Record<string, string> = { a: '1', b: '1', c: '2' };
const sees = (station: string, stream: string) => stream === 'net' || stream === `z:${ZONE[station]}`;

const file = (name: string, more: Partial<FolderBundle> = {}): FolderBundle => ({
  name,
  sender: 'a',
  madeAt: '2026-11-30T10:00:00.000Z',
  recipients: ['b', 'c'],
  carried: [
    { origin: 'a', stream: 'net', maxSeq: 5 },
    { origin: 'a', stream: 'z:1', maxSeq: 3 },
  ],
  ...more,
});

const input = (files: FolderBundle[], acks: CleanupInput['acks'], retired: string[] = []): CleanupInput => ({ files, acks, retired: new Set(retired), sees });

describe('deletableBundles', () => {
  it('keeps a file until every recipient acknowledged everything it may see', () => {
    const f = file('a-1.zlb');
    expect(deletableBundles(input([f], {}))).toEqual([]);
    expect(deletableBundles(input([f], { b: { 'a|net': 5, 'a|z:1': 3 } }))).toEqual([]);
    expect(deletableBundles(input([f], { b: { 'a|net': 5, 'a|z:1': 2 }, c: { 'a|net': 5 } }))).toEqual([]);
    // c is of zone 2: it never holds the zone-1 stream, so it does not block on it.
    expect(deletableBundles(input([f], { b: { 'a|net': 5, 'a|z:1': 3 }, c: { 'a|net': 5 } }))).toEqual(['a-1.zlb']);
  });

  it('an ack beyond what the file carried counts (it got the ops elsewhere or later)', () => {
    expect(deletableBundles(input([file('f')], { b: { 'a|net': 9, 'a|z:1': 4 }, c: { 'a|net': 6 } }))).toEqual(['f']);
  });

  it('relayed ops count per origin: an ack of the sender\'s own stream does not cover another origin', () => {
    const relayed = file('relay', { sender: 'b', recipients: ['c'], carried: [{ origin: 'a', stream: 'net', maxSeq: 5 }] });
    expect(deletableBundles(input([relayed], { c: { 'b|net': 5 } }))).toEqual([]);
    expect(deletableBundles(input([relayed], { c: { 'a|net': 5 } }))).toEqual(['relay']);
  });

  it('a retired station no longer blocks the cleanup', () => {
    const acks = { b: { 'a|net': 5, 'a|z:1': 3 } };
    expect(deletableBundles(input([file('f')], acks))).toEqual([]);
    expect(deletableBundles(input([file('f')], acks, ['c']))).toEqual(['f']);
    expect(deletableBundles(input([file('f')], {}, ['b', 'c']))).toEqual(['f']);
  });

  it('a file with only acks stays until a newer file of the same sender is there', () => {
    const acksOnly = file('old', { carried: [], madeAt: '2026-11-29T10:00:00.000Z' });
    expect(deletableBundles(input([acksOnly], {}))).toEqual([]);
    const newer = file('new', { carried: [], madeAt: '2026-11-30T10:00:00.000Z' });
    expect(deletableBundles(input([acksOnly, newer], {}))).toEqual(['old']);
    // A newer file of another sender does not replace its acks.
    expect(deletableBundles(input([acksOnly, { ...newer, sender: 'b' }], {}))).toEqual([]);
  });

  it('decides per file', () => {
    const early = file('early', { carried: [{ origin: 'a', stream: 'net', maxSeq: 2 }] });
    const late = file('late', { carried: [{ origin: 'a', stream: 'net', maxSeq: 8 }] });
    expect(deletableBundles(input([early, late], { b: { 'a|net': 5 }, c: { 'a|net': 5 } }))).toEqual(['early']);
  });
});
