import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../renderer/domain/errors';
import { ageInDays, parseStaleAfterDays, peerStatus, type PeerFacts } from '../../../renderer/domain/sync-status';

const NOW = Date.parse('2026-11-30T10:00:00.000Z');
const heard = (at: string | null, more: Partial<PeerFacts> = {}): PeerFacts => ({ lastHeardAt: at, upToDate: true, reachedUpTo: null, retired: false, ...more });

describe('ageInDays', () => {
  it('counts whole days elapsed', () => {
    expect(ageInDays('2026-11-30T09:00:00.000Z', NOW)).toBe(0);
    expect(ageInDays('2026-11-29T10:00:00.000Z', NOW)).toBe(1);
    expect(ageInDays('2026-11-29T10:00:01.000Z', NOW)).toBe(0);
    expect(ageInDays('2026-11-23T09:59:59.000Z', NOW)).toBe(7);
  });

  it('counts a day across the switch to summer time as one day (Brussels days)', () => {
    // 29 March 2026: Brussels moves from +01:00 to +02:00; 12:00 local to 12:00 local is 23 hours.
    expect(ageInDays('2026-03-28T11:00:00.000Z', Date.parse('2026-03-29T10:00:00.000Z'))).toBe(1);
  });

  it('gives 0 for an instant in the future (a clock ahead)', () => {
    expect(ageInDays('2026-12-05T10:00:00.000Z', NOW)).toBe(0);
  });
});

describe('peerStatus', () => {
  it('a station never heard from: no age, not stale, reach unknown', () => {
    expect(peerStatus(heard(null, { upToDate: false }), NOW, 7)).toEqual({ ageDays: null, stale: false, reach: 'unknown' });
  });

  it('stands out only after more than the configured days', () => {
    expect(peerStatus(heard('2026-11-23T10:00:00.000Z'), NOW, 7)).toMatchObject({ ageDays: 7, stale: false });
    expect(peerStatus(heard('2026-11-22T10:00:00.000Z'), NOW, 7)).toMatchObject({ ageDays: 8, stale: true });
    expect(peerStatus(heard('2026-11-28T10:00:00.000Z'), NOW, 1)).toMatchObject({ ageDays: 2, stale: true });
  });

  it('a retired station never stands out', () => {
    expect(peerStatus(heard('2025-01-01T00:00:00.000Z', { retired: true }), NOW, 7).stale).toBe(false);
  });

  it('chooses the reached-up-to label', () => {
    expect(peerStatus(heard('2026-11-30T08:00:00.000Z'), NOW, 7).reach).toBe('all');
    expect(peerStatus(heard('2026-11-30T08:00:00.000Z', { upToDate: false, reachedUpTo: '2026-11-20T08:00:00.000Z' }), NOW, 7).reach).toBe('upTo');
    expect(peerStatus(heard('2026-11-30T08:00:00.000Z', { upToDate: false, reachedUpTo: null }), NOW, 7).reach).toBe('none');
  });
});

describe('parseStaleAfterDays', () => {
  it('takes a whole number of days within 1 to 365', () => {
    expect(parseStaleAfterDays(' 14 ')).toBe(14);
    expect(parseStaleAfterDays('1')).toBe(1);
    expect(parseStaleAfterDays('365')).toBe(365);
  });

  it.each(['0', '366', '2.5', '-3', '', 'zeven', '1e2'])('refuses %j with a coded error', (text) => {
    expect(() => parseStaleAfterDays(text)).toThrow(DomainError);
    try {
      parseStaleAfterDays(text);
    } catch (e) {
      expect((e as DomainError).code).toBe('syncStatus.badStaleDays');
    }
  });
});
