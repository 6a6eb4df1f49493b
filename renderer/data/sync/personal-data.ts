import type { Op } from '../../sync/op';
import type { TableSpec } from '../../sync/schema';

/** What the summary needs of an op. */
export type PersonalDataOp = Pick<Op, 'table' | 'field'> & { erased?: boolean };

/**
 * The personal-data categories ("table.field", from the tables' declarations) that a set of ops
 * carries with a value: what a lost stick could expose, for the data protection officer. Erased
 * values carry nothing.
 */
export function personalCategories(tables: readonly TableSpec[], ops: Iterable<PersonalDataOp>): string[] {
  const personal = new Map(tables.map((t) => [t.name, t.personal]));
  const found = new Set<string>();
  for (const op of ops) if (!op.erased && Object.hasOwn(personal.get(op.table) ?? {}, op.field)) found.add(`${op.table}.${op.field}`);
  return [...found].sort();
}
