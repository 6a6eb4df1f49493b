import type { Transaction } from 'dexie';
import { withOps } from './engine';
import type { RowState, StoredOp } from './stores';

type OpAddress = Pick<StoredOp, 'origin' | 'stream' | 'seq'>;

/**
 * Upgrade v4 → v5 (decision 0052): the ops lose their index by row, and each row state lists the
 * keys of its ops instead, gathered here from every stored op. Nothing is merged again: the
 * outcomes do not change, only where the merge finds the ops.
 */
export async function listRowOps(tx: Transaction): Promise<void> {
  const byRow = new Map<string, OpAddress[]>();
  await tx.table('ops').each((op: StoredOp) => {
    const key = `${op.table}|${op.rowId}`;
    const address = { origin: op.origin, stream: op.stream, seq: op.seq };
    const list = byRow.get(key);
    if (list) list.push(address);
    else byRow.set(key, [address]);
  });
  await tx
    .table('rowStates')
    .toCollection()
    .modify((state: RowState) => {
      state.ops = withOps({}, byRow.get(`${state.table}|${state.rowId}`) ?? []);
    });
}
