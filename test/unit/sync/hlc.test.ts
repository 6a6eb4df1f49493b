import { describe, expect, it } from 'vitest';
import { formatHlc, hlcInstant, hlcWall, isHlc, MAX_DRIFT_MS, maxHlc, parseHlc, tickHlc, withinDrift } from '../../../renderer/sync/hlc';

const T = Date.parse('2026-03-02T08:00:00.000Z');

describe('hybrid logical clock', () => {
  it('writes fixed-width strings whose order is clock order', () => {
    const a = formatHlc({ wall: T, counter: 0, station: 'b' });
    const b = formatHlc({ wall: T, counter: 1, station: 'a' });
    const c = formatHlc({ wall: T + 1, counter: 0, station: 'a' });
    expect(a).toBe('001772438400000:000000:b');
    expect([c, b, a].sort()).toEqual([a, b, c]);
    expect(parseHlc(b)).toEqual({ wall: T, counter: 1, station: 'a' });
    expect(hlcWall(c)).toBe(T + 1);
    expect(hlcInstant(a)).toBe('2026-03-02T08:00:00.000Z');
  });

  it('breaks ties between stations by station id', () => {
    const x = formatHlc({ wall: T, counter: 3, station: 'st1' });
    const y = formatHlc({ wall: T, counter: 3, station: 'st2' });
    expect(x < y).toBe(true);
    expect(maxHlc(x, y)).toBe(y);
    expect(maxHlc(null, x)).toBe(x);
    expect(maxHlc(y, null)).toBe(y);
  });

  it('ticks past the last clock even when the wall clock lags behind it', () => {
    const first = tickHlc(null, T, 's');
    expect(parseHlc(first)).toEqual({ wall: T, counter: 0, station: 's' });
    const same = tickHlc(first, T, 's');
    expect(parseHlc(same)).toEqual({ wall: T, counter: 1, station: 's' });
    const remote = formatHlc({ wall: T + 60_000, counter: 7, station: 'r' });
    const after = tickHlc(remote, T, 's');
    expect(parseHlc(after)).toEqual({ wall: T + 60_000, counter: 8, station: 's' });
    expect(after > remote).toBe(true);
    expect(parseHlc(tickHlc(after, T + 120_000, 's'))).toEqual({ wall: T + 120_000, counter: 0, station: 's' });
  });

  it('moves the wall on by one ms when the counter is full', () => {
    const full = formatHlc({ wall: T, counter: 999_999, station: 's' });
    expect(parseHlc(tickHlc(full, T, 's'))).toEqual({ wall: T + 1, counter: 0, station: 's' });
  });

  it('refuses what it cannot write or read', () => {
    expect(() => formatHlc({ wall: -1, counter: 0, station: 's' })).toThrow(RangeError);
    expect(() => formatHlc({ wall: T, counter: 1_000_000, station: 's' })).toThrow(RangeError);
    expect(() => formatHlc({ wall: T, counter: 0, station: 'a:b' })).toThrow(RangeError);
    expect(() => parseHlc('1772438400000:0:s')).toThrow(RangeError);
    expect(isHlc('001772438400000:000000:s')).toBe(true);
    expect(isHlc('001772438400000:000000:')).toBe(false);
    expect(isHlc(42)).toBe(false);
  });

  it('lets a remote clock merge only up to local time plus the drift bound', () => {
    expect(MAX_DRIFT_MS).toBe(300_000);
    expect(withinDrift(formatHlc({ wall: T + MAX_DRIFT_MS, counter: 9, station: 'r' }), T)).toBe(true);
    expect(withinDrift(formatHlc({ wall: T + MAX_DRIFT_MS + 1, counter: 0, station: 'r' }), T)).toBe(false);
    expect(withinDrift(formatHlc({ wall: T + 10, counter: 0, station: 'r' }), T, 5)).toBe(false);
  });
});
