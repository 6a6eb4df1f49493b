import { isStream, zoneSees } from './audience';
import { isId } from './ids';

/**
 * Acknowledgements (ADR 0011): for each (origin, stream), the highest seq a station holds with
 * no gap below it. Seqs count per (origin, stream), so a station that never sees a stream never
 * has a gap because of it. Keyed "<origin>|<stream>", like opKey without the seq.
 */
export type AckTable = Record<string, number>;

export function ackKey(origin: string, stream: string): string {
  return `${origin}|${stream}`;
}

export function splitAckKey(key: string): { origin: string; stream: string } {
  const bar = key.indexOf('|');
  return { origin: key.slice(0, bar), stream: key.slice(bar + 1) };
}

/** The ack after `current` given the seqs held above it: it stops below the first missing one. */
export function advanceAck(current: number, held: ReadonlySet<number>): number {
  let ack = current;
  while (held.has(ack + 1)) ack++;
  return ack;
}

/** An ack table from outside (a bundle), checked; throws a RangeError on anything else. */
export function parseAckTable(input: unknown): AckTable {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new RangeError('acks: not an object');
  const out: AckTable = {};
  for (const [key, seq] of Object.entries(input)) {
    const { origin, stream } = splitAckKey(key);
    if (!key.includes('|') || !isId(origin) || !isStream(stream)) throw new RangeError(`acks: bad key ${JSON.stringify(key)}`);
    if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`acks: bad seq for ${key}`);
    out[key] = seq;
  }
  return out;
}

export interface Recipient {
  zoneId: string;
  acks: AckTable;
}

/** A range of one (origin, stream) to send: every seq above `after`. */
export interface LackedRange {
  origin: string;
  stream: string;
  after: number;
}

/**
 * What a set of recipients lacks of the (origin, stream) pairs the sender holds: per pair, the
 * seqs above the lowest ack among the recipients whose zone sees that stream. A recipient that
 * has never acknowledged a pair (or an empty ack table: a bootstrap) gets all of it.
 */
export function lackedRanges(held: Iterable<{ origin: string; stream: string }>, recipients: readonly Recipient[]): LackedRange[] {
  const out: LackedRange[] = [];
  for (const { origin, stream } of held) {
    const seeing = recipients.filter((r) => zoneSees(stream, r.zoneId));
    if (seeing.length === 0) continue;
    const key = ackKey(origin, stream);
    out.push({ origin, stream, after: Math.min(...seeing.map((r) => r.acks[key] ?? 0)) });
  }
  return out;
}

/** Merges a peer's newly reported acks into what was known: acks never go back. */
export function mergeAcks(known: AckTable, reported: AckTable): AckTable {
  const out = { ...known };
  for (const [key, seq] of Object.entries(reported)) out[key] = Math.max(out[key] ?? 0, seq);
  return out;
}
