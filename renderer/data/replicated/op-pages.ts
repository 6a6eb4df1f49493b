import type { Table } from 'dexie';
import { appendToPage, pageAfter, pageOf, pageSize, replaceInPage, type OpPage } from '../../sync/bundle/op-page';
import type { HashedOp } from '../../sync/arrivals';
import type { OpPrimaryKey, StoredOp } from './stores';

/**
 * This station's own ops kept a second time as op pages, the records a bundle carries (decision
 * 0058): maintained in the transaction that stores or erases the ops, read by an export.
 */

export type OpPageKey = [origin: string, stream: string, first: number];
export type OpPageTable = Table<OpPage, OpPageKey>;

/** A stream's last page takes the next write's ops while it holds fewer than this: a small write rewrites at most this many records. */
export const PAGE_FILL = 128;
/** The most ops in one page: a large write (the v6 upgrade, a migration) makes pages of this size. */
export const PAGE_MAX = 2048;

/** The pages of a stream whose first seq is within `from` to `to` (both included unless `fromOpen`). */
const streamPages = (pages: OpPageTable, origin: string, stream: string, from: number, to: number, fromOpen = false) =>
  pages.where('[origin+stream+first]').between([origin, stream, from], [origin, stream, to], !fromOpen, true);

/** Ops per stream, each list in ascending seq. */
function byStream(ops: readonly HashedOp[]): Map<string, HashedOp[]> {
  const streams = new Map<string, HashedOp[]>();
  for (const op of ops) {
    const list = streams.get(op.stream);
    if (list) list.push(op);
    else streams.set(op.stream, [op]);
  }
  for (const list of streams.values()) list.sort((a, b) => a.seq - b.seq);
  return streams;
}

/** Pages of up to PAGE_MAX ops; `ops` of one origin and stream, ascending. */
export function pagesOf(ops: readonly HashedOp[]): OpPage[] {
  const pages: OpPage[] = [];
  for (let i = 0; i < ops.length; i += PAGE_MAX) pages.push(pageOf(ops.slice(i, i + PAGE_MAX)));
  return pages;
}

/** Adds the new ops of origin `own` among `ops` to its pages: to the stream's last page while it is small and they follow it, else to new pages. */
export async function pageOwnOps(pages: OpPageTable, own: string, ops: readonly HashedOp[]): Promise<void> {
  const mine = ops.filter((op) => op.origin === own);
  if (mine.length === 0) return;
  const writes = await Promise.all(
    [...byStream(mine)].map(async ([stream, list]) => {
      const last = await streamPages(pages, own, stream, -Infinity, Infinity).last();
      if (!last || pageSize(last) >= PAGE_FILL || list[0]!.seq <= last.last) return pagesOf(list);
      const take = PAGE_MAX - pageSize(last);
      return [appendToPage(last, list.slice(0, take)), ...pagesOf(list.slice(take))];
    }),
  );
  await pages.bulkPut(writes.flat());
}

/** Rewrites the pages holding changed (erased) ops of origin `own`. */
export async function repageOwnOps(pages: OpPageTable, own: string, changed: readonly HashedOp[]): Promise<void> {
  const mine = changed.filter((op) => op.origin === own);
  if (mine.length === 0) return;
  const found = new Map<string, { page: OpPage; ops: HashedOp[] }>();
  for (const op of mine) {
    const before = streamPages(pages, own, op.stream, -Infinity, op.seq);
    // Usually the last page starting at or before it; own ops that came back out of order (a
    // restored station) make pages interleave, and then an earlier page may hold it.
    let page = await before.last();
    if (!page?.seqs.includes(op.seq)) page = await before.filter((p) => p.last >= op.seq && p.seqs.includes(op.seq)).first();
    // No page holds it when its pages were lost: the export then reads the ops (pagesAfter).
    if (!page) continue;
    const key = `${page.stream}|${page.first}`;
    const entry = found.get(key) ?? { page, ops: [] };
    entry.ops.push(op);
    found.set(key, entry);
  }
  if (found.size) await pages.bulkPut([...found.values()].map(({ page, ops }) => replaceInPage(page, ops)));
}

/**
 * Origin `origin`'s ops of `stream` with a seq above `after`, from its pages; null unless the
 * pages hold exactly as many as the ops store (then the caller reads the ops themselves).
 */
export async function pagesAfter(pages: OpPageTable, ops: Table<StoredOp, OpPrimaryKey>, origin: string, stream: string, after: number): Promise<OpPage[] | null> {
  const [straddling, later, stored] = await Promise.all([
    streamPages(pages, origin, stream, -Infinity, after).last(),
    streamPages(pages, origin, stream, after, Infinity, true).toArray(),
    ops.where('[origin+stream+seq]').between([origin, stream, after], [origin, stream, Infinity], false, true).count(),
  ]);
  const found = [straddling && pageAfter(straddling, after), ...later].filter((page): page is OpPage => !!page);
  return found.reduce((n, page) => n + pageSize(page), 0) === stored ? found : null;
}
