/**
 * Audiences and their streams (ADR 0011). Every row has one audience, fixed when it is created:
 * the whole network, one zone, or the zones of a loan. Its ops travel in the stream named after
 * that audience, and the name alone says which zones may hold it, so a station can check
 * need-to-know on arrival without looking anything up.
 *
 *   'net'                     every zone
 *   'zone:<zoneId>'           one zone
 *   'loan:<zoneId>+<zoneId>'  the zones of a loan (two or more), ids sorted, no repeats: every
 *                             loan between the same zones shares the stream
 */
import { isId } from './ids';

export type Audience = { kind: 'net' } | { kind: 'zones'; zoneIds: readonly string[] };

export const NET: Audience = { kind: 'net' };

export function zonesAudience(...zoneIds: string[]): Audience {
  return { kind: 'zones', zoneIds };
}

export function streamOf(audience: Audience): string {
  if (audience.kind === 'net') return 'net';
  const ids = [...new Set(audience.zoneIds)].sort();
  if (ids.length === 0 || !ids.every(isId)) throw new RangeError('audience: bad zone ids');
  return ids.length === 1 ? `zone:${ids[0]}` : `loan:${ids.join('+')}`;
}

/** The zones a stream reaches ('all' for the network stream), or null when it is not a stream name. */
export function streamZones(stream: string): 'all' | string[] | null {
  if (stream === 'net') return 'all';
  if (stream.startsWith('zone:')) {
    const id = stream.slice('zone:'.length);
    return isId(id) ? [id] : null;
  }
  if (stream.startsWith('loan:')) {
    const ids = stream.slice('loan:'.length).split('+');
    const canonical = ids.length >= 2 && ids.every((id, i) => isId(id) && (i === 0 || ids[i - 1]! < id));
    return canonical ? ids : null;
  }
  return null;
}

export function isStream(value: unknown): value is string {
  return typeof value === 'string' && streamZones(value) !== null;
}

/** Whether a station of `zoneId` may receive, store and relay the ops of `stream`. */
export function zoneSees(stream: string, zoneId: string): boolean {
  const zones = streamZones(stream);
  return zones === 'all' || (zones !== null && zones.includes(zoneId));
}
