import { tz } from '@date-fns/tz';
import { differenceInDays } from 'date-fns';
import { TIME_ZONE } from '../i18n/dates';
import { DomainError } from './errors';

/**
 * The staleness figures of the sync screen (ADR 0050): how long ago a station was heard from,
 * whether that stands out, and how far this station's changes have reached it. Pure: the instant
 * `now` is an argument.
 */

/** The bounds of the "stands out after" setting, in days. */
export const STALE_DAYS_MIN = 1;
export const STALE_DAYS_MAX = 365;

/** What this station knows of another one (from the Replica's staleness report and the roster). */
export interface PeerFacts {
  /** When it was last heard from (UTC ISO), or null when never. */
  lastHeardAt: string | null;
  /** It holds every op of this station in the streams it may see. */
  upToDate: boolean;
  /** When not up to date: the instant up to which this station's ops reached it; null when none did. */
  reachedUpTo: string | null;
  /** Deactivated or revoked in the roster: it no longer takes part, so it never stands out. */
  retired: boolean;
}

/**
 * How far this station's changes have reached it:
 * - unknown: never heard from, so nothing is known of what it holds;
 * - all: it holds everything;
 * - upTo: it holds what was made up to `reachedUpTo`;
 * - none: it holds none of the changes it should have.
 */
export type Reach = 'unknown' | 'all' | 'upTo' | 'none';

export interface PeerStatus {
  /** Whole days since it was last heard from (Brussels days, so a DST change does not count); null when never. */
  ageDays: number | null;
  /** Heard from longer than `staleAfterDays` days ago, and still active. */
  stale: boolean;
  reach: Reach;
}

/** Whole days from `since` to `now`, counted in Brussels; 0 when `since` lies in the future. */
export function ageInDays(since: string, now: number): number {
  return Math.max(0, differenceInDays(now, new Date(since), { in: tz(TIME_ZONE) }));
}

export function peerStatus(facts: PeerFacts, now: number, staleAfterDays: number): PeerStatus {
  const ageDays = facts.lastHeardAt === null ? null : ageInDays(facts.lastHeardAt, now);
  const stale = !facts.retired && ageDays !== null && ageDays > staleAfterDays;
  const reach: Reach = facts.lastHeardAt === null ? 'unknown' : facts.upToDate ? 'all' : facts.reachedUpTo === null ? 'none' : 'upTo';
  return { ageDays, stale, reach };
}

/** The "stands out after" setting from what a person typed: a whole number of days within bounds. */
export function parseStaleAfterDays(text: string): number {
  const trimmed = text.trim();
  const days = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || days < STALE_DAYS_MIN || days > STALE_DAYS_MAX) {
    throw new DomainError('syncStatus.badStaleDays', { min: STALE_DAYS_MIN, max: STALE_DAYS_MAX });
  }
  return days;
}
