import { withHash, type HashedOp } from './arrivals';
import type { Json } from './canonical';
import { tickHlc } from './hlc';
import { computeValueHash, newSalt } from './op';

/**
 * The ops of one local write: one per changed field, each with its own clock tick (so the
 * fields keep the order they are given in) and the next seq of the stream.
 */
export function stampOps(input: {
  origin: string;
  author: string;
  table: string;
  rowId: string;
  stream: string;
  /** The last seq this station used in the stream. */
  lastSeq: number;
  /** The station's clock before the write (null on a new station). */
  clock: string | null;
  now: number;
  changes: ReadonlyArray<readonly [field: string, value: Json]>;
  /** Field → hlc of the value each change replaces. */
  heads: Readonly<Record<string, string>>;
  salt?: () => string;
}): { ops: HashedOp[]; clock: string | null } {
  const { origin, author, table, rowId, stream, now, changes, heads, salt = newSalt } = input;
  let clock = input.clock;
  let seq = input.lastSeq;
  const ops = changes.map(([field, value]) => {
    clock = tickHlc(clock, now, origin);
    const s = salt();
    seq++;
    return withHash({ origin, stream, seq, hlc: clock, prev: heads[field] ?? null, author, table, rowId, field, value, salt: s, valueHash: computeValueHash(s, value) });
  });
  return { ops, clock };
}
