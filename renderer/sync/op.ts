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

/** What valueHash covers: the salt's bytes, then the canonical JSON of the value. */
function valueMessage(salt: string, json: string): Uint8Array<ArrayBuffer> {
  const saltBytes = hexToBytes(salt);
  const valueBytes = encoder.encode(json);
  const all = new Uint8Array(saltBytes.length + valueBytes.length);
  all.set(saltBytes, 0);
  all.set(valueBytes, saltBytes.length);
  return all;
}

/** Synchronous on purpose: it runs inside Dexie transactions, where only Dexie may be awaited. */
export function computeValueHash(salt: string, value: Json): string {
  return bytesToHex(sha256(valueMessage(salt, canonicalJson(value))));
}

export function newSalt(): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
}

/** Ops checked once by checkOp, frozen with their value, so their hash cannot go stale: op → opHash. */
const checked = new WeakMap<object, string>();
/** Ops checked by checkOps: op → length of its value's canonical JSON. */
const valueChars = new WeakMap<object, number>();

const str = JSON.stringify;

/**
 * The canonical JSON of the op's header (the op without value, salt and erased), written field by field in the sorted key order: the hot path of
 * hashing 100k ops. test/unit/sync/op-json.test.ts proves both agree for any op.
 */
export function headerJson(op: Op | OpHeader): string {
  return `{"author":${str(op.author)},"field":${str(op.field)},"hlc":${str(op.hlc)},"origin":${str(op.origin)},"prev":${op.prev === null ? 'null' : str(op.prev)},"rowId":${str(op.rowId)},"seq":${canonicalJson(op.seq)},"stream":${str(op.stream)},"table":${str(op.table)},"valueHash":${str(op.valueHash)}}`;
}

/** canonicalJson of exactly the Op fields, in the sorted key order: an op record of a bundle. */
export function opJson(op: Op): string {
  const erased = op.erased === undefined ? '' : `"erased":${canonicalJson(op.erased)},`;
  return `{"author":${str(op.author)},${erased}"field":${str(op.field)},"hlc":${str(op.hlc)},"origin":${str(op.origin)},"prev":${op.prev === null ? 'null' : str(op.prev)},"rowId":${str(op.rowId)},"salt":${str(op.salt)},"seq":${canonicalJson(op.seq)},"stream":${str(op.stream)},"table":${str(op.table)},"value":${canonicalJson(op.value)},"valueHash":${str(op.valueHash)}}`;
}

/** hex SHA-256 of the canonical JSON of the op's header. Unchanged by erasure. */
export function opHash(op: Op | OpHeader): string {
  const known = checked.get(op);
  if (known !== undefined) return known;
  return bytesToHex(sha256(encoder.encode(headerJson(op))));
}

const SALT = /^[0-9a-f]{32}$/;

/** An erased op has neither value nor salt; any other op has a salt of 16 bytes. */
const saltShapeOk = (op: Op): boolean => (op.erased ? op.value === null && op.salt === '' : SALT.test(op.salt));

/** The value matches its hash (always true for an erased op, whose value is gone). */
export function valueMatchesHash(op: Op): boolean {
  if (checked.has(op)) return true;
  return saltShapeOk(op) && (op.erased === true || computeValueHash(op.salt, op.value) === op.valueHash);
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/**
 * Hashes an op once for the whole way from codec to store (SHA-256 per op is the cost of a large
 * bundle): checks its value against valueHash and computes its opHash. When the value matches,
 * freezes the op and its value, so neither can change after, and remembers the hash: opHash and
 * valueMatchesHash of this same object then answer without hashing again. Returns the hash, or
 * null (nothing frozen or remembered) when the value does not match.
 */
export function checkOp(op: Op): string | null {
  const known = checked.get(op);
  if (known !== undefined) return known;
  if (!valueMatchesHash(op)) return null;
  const hash = opHash(op);
  deepFreeze(op);
  checked.set(op, hash);
  return hash;
}

const hexDigest = async (bytes: Uint8Array<ArrayBuffer>): Promise<string> => bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));

async function checkOpAsync(op: Op): Promise<string | null> {
  const known = checked.get(op);
  if (known !== undefined) return known;
  if (!saltShapeOk(op)) return null;
  const json = canonicalJson(op.value);
  const value = op.erased ? null : valueMessage(op.salt, json);
  const header = encoder.encode(headerJson(op));
  // Frozen before the first await: what is hashed is what stays.
  deepFreeze(op);
  const [valueHash, hash] = await Promise.all([value ? hexDigest(value) : op.valueHash, hexDigest(header)]);
  if (valueHash !== op.valueHash) return null;
  checked.set(op, hash);
  valueChars.set(op, json.length);
  return hash;
}

/** The length of a checked op's value as canonical JSON, when checkOps measured it (for the record layer's size rule). */
export function checkedValueChars(op: Op): number | undefined {
  return valueChars.get(op);
}

/** Ops hashed at once per batch: enough to keep WebCrypto busy, few enough to bound memory. */
const CHECK_BATCH = 2048;

/**
 * checkOp for many ops outside any transaction (the bundle reader), with WebCrypto's SHA-256,
 * which is faster than the synchronous one for 100k ops. The same checks and the same memory;
 * the difference: an op whose value does not match is frozen too (nothing remembers it).
 */
export async function checkOps(ops: readonly Op[]): Promise<Array<string | null>> {
  const hashes: Array<string | null> = [];
  for (let at = 0; at < ops.length; at += CHECK_BATCH) {
    for (const hash of await Promise.all(ops.slice(at, at + CHECK_BATCH).map(checkOpAsync))) hashes.push(hash);
  }
  return hashes;
}

/**
 * Ops as this station stored them, taken back to be sent on, outside any transaction: each
 * frozen and remembered as checked with its header's hash (WebCrypto, in batches), its value
 * not hashed again. Only for this station's own stores, which hold nothing unchecked (own ops
 * are hashed when made, others when their bundle is verified); a bundle reader verifies
 * everything again on the other side. The store keeps no hash per op (decision 0058).
 */
export async function fromStore(stored: readonly Op[]): Promise<Op[]> {
  for (let at = 0; at < stored.length; at += CHECK_BATCH) {
    const batch = stored.slice(at, at + CHECK_BATCH);
    const hashes = await Promise.all(batch.map((op) => checked.get(op) ?? hexDigest(encoder.encode(headerJson(op)))));
    batch.forEach((op, i) => {
      deepFreeze(op);
      checked.set(op, hashes[i]!);
    });
  }
  return [...stored];
}

/** The op went through checkOp: frozen, its value matching its hash. */
export function isCheckedOp(op: unknown): op is Op {
  return typeof op === 'object' && op !== null && checked.has(op);
}

/** The op with its value erased: same header, same hash. */
export function eraseOpValue(op: Op): Op {
  return { ...op, value: null, salt: '', erased: true };
}

/** Key of an op in its stream: "<origin>|<stream>|<seq>". */
export function opKey(op: Pick<Op, 'origin' | 'stream' | 'seq'>): string {
  return `${op.origin}|${op.stream}|${op.seq}`;
}
