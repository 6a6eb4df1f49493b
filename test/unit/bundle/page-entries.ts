import { pageHash, type OpKind, type OpPage } from '../../../renderer/sync/bundle/op-page';

/** Every op of an op page as its seq, hash and kind: what tests compare pages by. */
export function pageEntries(page: OpPage): Array<{ seq: number; hash: string } & OpKind> {
  return Array.from(page.seqs, (seq, i) => ({ seq, hash: pageHash(page, i), ...page.kinds[page.kindOf[i]!]! }));
}
