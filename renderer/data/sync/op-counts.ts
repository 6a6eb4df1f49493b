import { pageSize, type OpPage } from '../../sync/bundle/op-page';
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

/** The counts of some ops and op pages together: what an export carries (decision 0058). */
export function countCarried(ops: readonly Op[], pages: readonly OpPage[]): OpCounts {
  const counts = countOps(ops);
  for (const page of pages) {
    const ofKind = new Array<number>(page.kinds.length).fill(0);
    for (const kind of page.kindOf) ofKind[kind]!++;
    page.kinds.forEach(({ table }, i) => (counts.perTable[table] = (counts.perTable[table] ?? 0) + ofKind[i]!));
    counts.perOrigin[page.origin] = (counts.perOrigin[page.origin] ?? 0) + pageSize(page);
    counts.ops += pageSize(page);
  }
  return counts;
}
