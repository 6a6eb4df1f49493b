import { hlcWall, MAX_DRIFT_MS, withinDrift } from './hlc';
import { opHash, opKey, type Op } from './op';

/** An op with the hash of its header (opHash), as a station stores it. */
export type HashedOp = Op & { hash: string };

export function withHash(op: Op): HashedOp {
  return { ...op, hash: opHash(op) };
}

/** The same (origin, stream, seq) with another hash: the origin was restored from a backup. */
export interface Fork {
  key: string;
  origin: string;
  stream: string;
  seq: number;
  knownHash: string;
  incomingHash: string;
}

export interface ArrivalPlan {
  /** New ops to store and merge, incoming ones first, then held ones whose time has come. */
  accept: HashedOp[];
  /** New ops from too far ahead: stored apart, not acknowledged, not merged. */
  hold: HashedOp[];
  /** Keys of held ops that are now accepted. */
  unheld: string[];
  duplicates: number;
  forks: Fork[];
}

/**
 * Sorts arriving ops (clock safety, ADR 0012): an op already known with the same hash is a
 * duplicate; with another hash, a fork (refused); an op whose clock is more than the drift bound
 * ahead of local time `now` is held back; the rest are accepted. Held ops are retried each time.
 */
export function planArrivals(input: {
  incoming: readonly HashedOp[];
  /** Key → hash of the stored ops among the incoming keys. */
  stored: ReadonlyMap<string, string>;
  held: readonly HashedOp[];
  now: number;
  driftMs?: number;
}): ArrivalPlan {
  const { incoming, stored, held, now, driftMs = MAX_DRIFT_MS } = input;
  const known = new Map(stored);
  for (const op of held) known.set(opKey(op), op.hash);
  const plan: ArrivalPlan = { accept: [], hold: [], unheld: [], duplicates: 0, forks: [] };
  for (const op of incoming) {
    const key = opKey(op);
    const knownHash = known.get(key);
    if (knownHash === op.hash) plan.duplicates++;
    else if (knownHash !== undefined) plan.forks.push({ key, origin: op.origin, stream: op.stream, seq: op.seq, knownHash, incomingHash: op.hash });
    else {
      known.set(key, op.hash);
      (withinDrift(op.hlc, now, driftMs) ? plan.accept : plan.hold).push(op);
    }
  }
  for (const op of held) {
    if (!withinDrift(op.hlc, now, driftMs)) continue;
    plan.accept.push(op);
    plan.unheld.push(opKey(op));
  }
  return plan;
}

/** How far an op's clock is ahead of local time, in ms (0 when it is not). */
export function aheadBy(op: Pick<Op, 'hlc'>, now: number): number {
  return Math.max(0, hlcWall(op.hlc) - now);
}
