import { describe, expect, it } from 'vitest';
import { ackKey, advanceAck, lackedRanges, mergeAcks, parseAckTable, splitAckKey, type Recipient } from '../../../renderer/sync/acks';

describe('acknowledgements', () => {
  it('stop below the first missing seq', () => {
    expect(advanceAck(0, new Set([1, 2, 3, 5]))).toBe(3);
    expect(advanceAck(3, new Set([5, 6]))).toBe(3);
    expect(advanceAck(4, new Set([5, 6]))).toBe(6);
    expect(advanceAck(0, new Set())).toBe(0);
  });

  it('key (origin, stream) like an op key without its seq', () => {
    expect(ackKey('st1', 'zone:polder')).toBe('st1|zone:polder');
    expect(splitAckKey('st1|loan:a+b')).toEqual({ origin: 'st1', stream: 'loan:a+b' });
  });

  it('are checked when they come from outside', () => {
    expect(parseAckTable({ 'st1|net': 4, 'st2|zone:z1': 0 })).toEqual({ 'st1|net': 4, 'st2|zone:z1': 0 });
    for (const bad of [null, [], 'x', { 'st1|nope': 1 }, { st1: 1 }, { 'st1|net': -1 }, { 'st1|net': 1.5 }, { '|net': 1 }]) {
      expect(() => parseAckTable(bad), JSON.stringify(bad)).toThrow(RangeError);
    }
  });

  it('never go back when a peer reports them again', () => {
    expect(mergeAcks({ 'a|net': 5, 'b|net': 2 }, { 'a|net': 3, 'c|net': 1 })).toEqual({ 'a|net': 5, 'b|net': 2, 'c|net': 1 });
  });

  it('give what a set of recipients lacks: per stream, from the lowest ack among those who see it', () => {
    const held = [
      { origin: 'a', stream: 'net' },
      { origin: 'a', stream: 'zone:z1' },
      { origin: 'b', stream: 'loan:z1+z2' },
      { origin: 'b', stream: 'zone:z3' },
    ];
    const recipients: Recipient[] = [
      { zoneId: 'z1', acks: { 'a|net': 7, 'a|zone:z1': 2 } },
      { zoneId: 'z2', acks: { 'a|net': 4, 'b|loan:z1+z2': 9 } },
    ];
    expect(lackedRanges(held, recipients)).toEqual([
      { origin: 'a', stream: 'net', after: 4 },
      { origin: 'a', stream: 'zone:z1', after: 2 },
      { origin: 'b', stream: 'loan:z1+z2', after: 0 },
    ]);
    expect(lackedRanges(held, [{ zoneId: 'z3', acks: {} }])).toEqual([
      { origin: 'a', stream: 'net', after: 0 },
      { origin: 'b', stream: 'zone:z3', after: 0 },
    ]);
  });
});
