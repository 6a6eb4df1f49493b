import type { Audience } from './audience';
import { canonicalJson } from './canonical';

/**
 * Which party may write a field, judged by the zone of the op's origin station (ADR 0011):
 * the row's owner zone, its requesting zone, either of those two, or any zone of the network.
 */
export type Party = 'owner' | 'requester' | 'parties' | 'any';

export interface FieldSpec {
  writer: Party;
  /** Concurrent values are not shown as a conflict: the latest wins silently (a password hash). */
  latestWins?: true;
}

/** A field that holds personal data, and how long it is kept once its row is deleted. */
export interface PersonalSpec {
  retentionDays: number;
}

/** A replicated table as the merge sees it. Modules declare one with defineReplicatedTable. */
export interface TableSpec {
  /** Name of the table in ops and of the Dexie table its live rows are materialised into. */
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** The field holding the owner zone id. */
  readonly owner: string;
  /** The field holding the requesting zone id, for tables that have one (a loan). */
  readonly requester: string | null;
  /** Who may delete (and undelete) a row. */
  readonly delete: Party;
  /** The row's audience, decided once from the values it is created with. */
  audience(row: Readonly<Record<string, unknown>>): Audience;
  readonly personal: Readonly<Record<string, PersonalSpec>>;
}

/** A table declaration that remembers the shape of its values, for typed repository calls. */
export interface ReplicatedTable<V extends object> extends TableSpec {
  readonly valuesType?: V;
}

/** The op field that deletes (true) or restores (false) a row. */
export const DELETED_FIELD = 'deleted';
/** The op field that erases a row's personal data; its value is always true. */
export const ERASED_FIELD = 'erased';
/** Columns of every materialised row that no declaration may use as a field name. */
export const RESERVED_FIELDS = ['id', DELETED_FIELD, ERASED_FIELD, 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;

/** Table and field names: camelCase, starting with a lower-case letter. */
export function isName(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z][A-Za-z0-9]{0,63}$/.test(value);
}

export function defineReplicatedTable<V extends object>(decl: {
  name: string;
  fields: { readonly [K in keyof V & string]-?: FieldSpec };
  owner: keyof V & string;
  requester?: keyof V & string;
  /** Defaults to 'owner'. */
  delete?: Party;
  audience: (row: Readonly<V & { id: string }>) => Audience;
  personal?: { readonly [K in keyof V & string]?: PersonalSpec };
}): ReplicatedTable<V> {
  const fields = decl.fields as Record<string, FieldSpec>;
  const personal = (decl.personal ?? {}) as Record<string, PersonalSpec>;
  const problem = (text: string) => new Error(`defineReplicatedTable(${decl.name}): ${text}`);
  if (!isName(decl.name)) throw problem('bad table name');
  for (const field of Object.keys(fields)) {
    if (!isName(field)) throw problem(`bad field name ${field}`);
    if ((RESERVED_FIELDS as readonly string[]).includes(field)) throw problem(`${field} is reserved`);
  }
  if (!(decl.owner in fields)) throw problem('the owner field must be declared');
  if (decl.requester !== undefined && !(decl.requester in fields)) throw problem('the requester field must be declared');
  for (const [field, spec] of Object.entries(personal)) {
    if (!(field in fields)) throw problem(`personal field ${field} is not declared`);
    if (field === decl.owner || field === decl.requester) throw problem('a zone field cannot be personal data');
    if (!Number.isInteger(spec.retentionDays) || spec.retentionDays < 0) throw problem(`bad retention for ${field}`);
  }
  return {
    name: decl.name,
    fields,
    owner: decl.owner,
    requester: decl.requester ?? null,
    delete: decl.delete ?? 'owner',
    audience: decl.audience as TableSpec['audience'],
    personal,
  };
}

/**
 * What of a declaration decides the merge. When it changes (an upgrade), the rows of that table
 * are materialised again from their ops.
 */
export function tableFingerprint(table: TableSpec): string {
  const { name, fields, owner, requester, personal } = table;
  return canonicalJson({ name, fields, owner, requester, delete: table.delete, personal: Object.keys(personal).sort() });
}
