import type { Op } from '../../sync/op';

/** What a bundle carries (or would), counted per table and per origin station: both summaries show these. */
export interface OpCounts {
  ops: number;
  perTable: Record<string, number>;
  perOrigin: Record<string, number>;
}

export function countOps(ops: readonly Op[]): OpCounts {
  const perTable: Record<string, number> = {};
  const perOrigin: Record<string, number> = {};
  for (const op of ops) {
    perTable[op.table] = (perTable[op.table] ?? 0) + 1;
    perOrigin[op.origin] = (perOrigin[op.origin] ?? 0) + 1;
  }
  return { ops: ops.length, perTable, perOrigin };
}
