import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDb, type ZonelinkDb } from '../data/db';
import { currentRoster } from '../data/network';
import { listPeople, type Person } from '../data/people';
import { replicaOf } from '../data/replicated/replica-of';
import { REPLICATED_TABLES } from '../data/replicated/tables';
import type { Role } from '../domain/network';
import { canManagePerson } from '../domain/people';
import type { Json } from '../sync/canonical';
import { useDuplicateNumberConflicts, type DuplicateNumberConflict } from './use-duplicate-numbers';
import { useSession } from './use-session';

/** One value a conflict can be settled on: what it is, who wrote it, where and when. */
export interface ConflictChoice {
  key: string;
  value: Json;
  /** The person's name; null when the account is unknown here. */
  author: string | null;
  /** The station's name; null when unknown. */
  station: string | null;
  /** UTC ISO. */
  at: string;
  /** The value in force now (the merge's winner). */
  current: boolean;
}

/**
 * Two concurrent edits of one field, found by the record layer. `table` and `field` name what it
 * is about, for its label (`conflicts.field.<table>.<field>`).
 */
export interface FieldOpenConflict {
  kind: 'field';
  key: string;
  table: string;
  field: string;
  rowId: string;
  /** A readable name of the row (its `name` or `title`), when it has one. */
  subject: string | null;
  choices: ConflictChoice[];
  /** Whether the signed-in person may settle it. */
  mayResolve: boolean;
  /** Settles it on a choice; on every station once the resolution has reached it. */
  resolve(choice: ConflictChoice): Promise<void>;
}

/**
 * An open conflict, whatever found it: the record layer's field conflicts, or a domain module's
 * query (accounts sharing a personnel number, decision 0056; two approved bookings of one asset at
 * once, later). `kind` tells the screen how to show it and how it is settled.
 */
export type OpenConflict = FieldOpenConflict | DuplicateNumberConflict;

/**
 * A source of open conflicts: a hook returning its list (undefined while loading). The record
 * layer's field conflicts are the first; a domain module adds its derived conflicts by adding its
 * hook to CONFLICT_SOURCES. The list is fixed at load, so calling each in order keeps the hook order.
 */
export type ConflictSource = () => OpenConflict[] | undefined;

type Manager = Pick<Person, 'roles' | 'zoneId'>;

/**
 * Who may settle a conflict of a table beyond the record layer's own authority check, given the
 * row and the row as each choice would make it.
 */
const RESOLVE_RULES: Readonly<Record<string, (rows: ReadonlyArray<Record<string, unknown>>, person: Manager) => boolean>> = {
  // Accounts are changed by whoever may manage the account as it is and as it would be
  // (canManagePerson, as data/people.ts checks): a zone administrator settles no conflict that
  // could move an account out of their zone or give it a network-wide role. So are their conflicts.
  people: (rows, person) =>
    rows.every((row) => typeof row.zoneId === 'string' && Array.isArray(row.roles) && canManagePerson(person, { zoneId: row.zoneId, roles: row.roles as Role[] })),
};

function subjectOf(row: Record<string, unknown> | undefined): string | null {
  const name = row?.name ?? row?.title;
  return typeof name === 'string' ? name : null;
}

/** A field conflict as the screen shows it, before the signed-in person's rights are known. */
export interface FieldConflictView extends Omit<FieldOpenConflict, 'kind' | 'mayResolve' | 'resolve'> {
  /** The materialised row, for the table's resolve rule; undefined when the row is gone. */
  row: Record<string, unknown> | undefined;
}

/** The record layer's open field conflicts with names: each value's author and station, the row's subject. */
export async function loadFieldConflicts(db: ZonelinkDb): Promise<FieldConflictView[]> {
  const [conflicts, people, roster] = await Promise.all([replicaOf(db).conflicts(), listPeople(db), currentRoster(db)]);
  const rows = await Promise.all(conflicts.map((c) => db.table(c.table).get(c.rowId) as Promise<Record<string, unknown> | undefined>));
  const names = new Map(people.map((p) => [p.id, p.name]));
  const stations = new Map((roster?.network.stations ?? []).map((s) => [s.id, s.name]));
  return conflicts.map((c, i) => ({
    key: `${c.table}|${c.rowId}|${c.field}`,
    table: c.table,
    field: c.field,
    rowId: c.rowId,
    row: rows[i],
    subject: subjectOf(rows[i]),
    choices: [c.winner, ...c.others].map((v) => ({
      key: v.hlc,
      value: v.value,
      author: names.get(v.author) ?? null,
      station: stations.get(v.origin) ?? null,
      at: v.at,
      current: v.hlc === c.winner.hlc,
    })),
  }));
}

/** Whether the signed-in person (null: nobody) may settle a field conflict. */
export function mayResolveField({ table, field, row, choices }: FieldConflictView, person: Manager | null): boolean {
  if (person === null || !REPLICATED_TABLES.some((t) => t.name === table)) return false;
  const rule = RESOLVE_RULES[table];
  return !rule || (row !== undefined && rule([row, ...choices.map((c) => ({ ...row, [field]: c.value }))], person));
}

/** The record layer's open field conflicts, live. */
export function useFieldConflicts(): FieldOpenConflict[] | undefined {
  const { actor, person } = useSession();
  const loaded = useLiveQuery(() => loadFieldConflicts(getDb()), []);
  return useMemo(() => {
    if (!loaded) return undefined;
    return loaded.map(({ row, ...view }) => {
      const spec = REPLICATED_TABLES.find((t) => t.name === view.table);
      return {
        ...view,
        kind: 'field' as const,
        mayResolve: mayResolveField({ row, ...view }, person),
        resolve: async (choice) => {
          if (!actor || !spec) throw new Error('not signed in');
          await replicaOf(getDb()).resolveConflict<Record<string, Json>, string>(spec, view.rowId, view.field, choice.value, actor);
        },
      };
    });
  }, [loaded, actor, person]);
}

/** Every source of conflicts, in the order the screen lists them. */
export const CONFLICT_SOURCES: readonly ConflictSource[] = [useFieldConflicts, useDuplicateNumberConflicts];

/** Every open conflict of every source; undefined while any source still loads. */
export function useConflicts(): OpenConflict[] | undefined {
  const lists = CONFLICT_SOURCES.map((source) => source());
  return lists.some((l) => l === undefined) ? undefined : lists.flatMap((l) => l ?? []);
}
