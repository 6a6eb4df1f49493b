/**
 * Hybrid logical clock (Kulkarni et al.): wall time in ms, a counter for events within the same
 * ms (or while the wall clock lags a clock already seen), and the station id, which makes two
 * stations' clocks never equal. Written as a fixed-width string, so string order is clock order:
 * "<wall, 15 digits>:<counter, 6 digits>:<station id>".
 */
import { isId } from './ids';

export interface Hlc {
  wall: number;
  counter: number;
  station: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const HLC = /^(\d{15}):(\d{6}):([0-9A-Za-z-]{1,64})$/;

/** How far ahead of local wall time a remote clock may be and still be merged (ADR 0012). */
export const MAX_DRIFT_MS = 5 * 60 * 1000;

export function formatHlc({ wall, counter, station }: Hlc): string {
  if (!Number.isSafeInteger(wall) || wall < 0 || wall >= 10 ** WALL_DIGITS) throw new RangeError('hlc: bad wall time');
  if (!Number.isSafeInteger(counter) || counter < 0 || counter > MAX_COUNTER) throw new RangeError('hlc: bad counter');
  if (!isId(station)) throw new RangeError('hlc: bad station id');
  return `${String(wall).padStart(WALL_DIGITS, '0')}:${String(counter).padStart(COUNTER_DIGITS, '0')}:${station}`;
}

export function isHlc(value: unknown): value is string {
  return typeof value === 'string' && HLC.test(value);
}

export function parseHlc(text: string): Hlc {
  const m = HLC.exec(text);
  if (!m) throw new RangeError(`hlc: cannot parse ${JSON.stringify(text)}`);
  return { wall: Number(m[1]), counter: Number(m[2]), station: m[3]! };
}

/** Wall time of a clock string, in ms since the epoch. */
export function hlcWall(text: string): number {
  return parseHlc(text).wall;
}

/** The instant of a clock string as a UTC ISO string. */
export function hlcInstant(text: string): string {
  return new Date(hlcWall(text)).toISOString();
}

/**
 * The clock of a new local event: after `last` (the highest clock this station has made or
 * merged, or null) and not before local wall time `now`.
 */
export function tickHlc(last: string | null, now: number, station: string): string {
  const prev = last === null ? null : parseHlc(last);
  const wall = Math.max(Math.floor(now), prev?.wall ?? 0);
  if (prev === null || wall > prev.wall) return formatHlc({ wall, counter: 0, station });
  if (prev.counter < MAX_COUNTER) return formatHlc({ wall, counter: prev.counter + 1, station });
  return formatHlc({ wall: wall + 1, counter: 0, station });
}

/** The later of two clock strings (null counts as earliest). */
export function maxHlc(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** A remote clock may be merged when it is at most `driftMs` ahead of local wall time. */
export function withinDrift(hlc: string, now: number, driftMs: number = MAX_DRIFT_MS): boolean {
  return hlcWall(hlc) <= now + driftMs;
}
