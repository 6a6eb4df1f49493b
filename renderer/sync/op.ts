import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { canonicalJson, type Json } from './canonical';

/**
 * One replicated change: one field of one row. See ../../docs/decisions and
 * ../shared/design/sync.md. Ops are immutable once made, except that erasure (GDPR) may replace
 * `value` and `salt`; `valueHash` stays, so the op's hash and every signature over it still verify.
 */
export interface Op {
  /** Station id that made the op. */
  origin: string;
  /** Audience stream: 'net' (whole network), 'zone:<zoneId>', or 'loan:<zoneA>+<zoneB>' (the zones of a loan, decision 0011). */
  stream: string;
  /** 1, 2, 3… per (origin, stream), without gaps. */
  seq: number;
  /** Hybrid logical clock of the op (sortable string, see hlc.ts). */
  hlc: string;
  /** hlc of the value this edit replaced on the writer's station; null for a first value. */
  prev: string | null;
  /** Person id of the signed-in author. */
  author: string;
  table: string;
  rowId: string;
  field: string;
  /** The new value; null once erased. */
  value: Json;
  /** 32 hex chars of randomness mixed into valueHash; '' once erased. */
  salt: string;
  /** hex SHA-256 of salt bytes followed by the canonical JSON of value. */
  valueHash: string;
  /** Present (true) once the value was erased. */
  erased?: true;
}

/** What an op says, without its value: the part every hash and signature covers. */
export type OpHeader = Omit<Op, 'value' | 'salt' | 'erased'>;

const encoder = new TextEncoder();

/** Synchronous on purpose: it runs inside Dexie transactions, where only Dexie may be awaited. */
export function computeValueHash(salt: string, value: Json): string {
  const saltBytes = hexToBytes(salt);
  const valueBytes = encoder.encode(canonicalJson(value));
  const all = new Uint8Array(saltBytes.length + valueBytes.length);
  all.set(saltBytes, 0);
  all.set(valueBytes, saltBytes.length);
  return bytesToHex(sha256(all));
}

export function newSalt(): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
}

export function opHeader(op: Op): OpHeader {
  const { origin, stream, seq, hlc, prev, author, table, rowId, field, valueHash } = op;
  return { origin, stream, seq, hlc, prev, author, table, rowId, field, valueHash };
}

/** hex SHA-256 of the canonical JSON of the op's header. Unchanged by erasure. */
export function opHash(op: Op | OpHeader): string {
  const header = 'salt' in op ? opHeader(op) : op;
  return bytesToHex(sha256(encoder.encode(canonicalJson(header))));
}

/** The value matches its hash (always true for an erased op, whose value is gone). */
export function valueMatchesHash(op: Op): boolean {
  if (op.erased) return op.value === null && op.salt === '';
  return /^[0-9a-f]{32}$/.test(op.salt) && computeValueHash(op.salt, op.value) === op.valueHash;
}

/** The op with its value erased: same header, same hash. */
export function eraseOpValue(op: Op): Op {
  return { ...op, value: null, salt: '', erased: true };
}

/** Key of an op in its stream: "<origin>|<stream>|<seq>". */
export function opKey(op: Pick<Op, 'origin' | 'stream' | 'seq'>): string {
  return `${op.origin}|${op.stream}|${op.seq}`;
}
