import { isStream } from '../audience';
import type { Json } from '../canonical';
import { isHex } from '../crypto/bytes';
import type { Op } from '../op';

const KEYS = new Set(['origin', 'stream', 'seq', 'hlc', 'prev', 'author', 'table', 'rowId', 'field', 'value', 'salt', 'valueHash', 'erased']);
const MAX_DEPTH = 32;

const shortText = (v: unknown, max = 100): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

function shallowEnough(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth >= MAX_DEPTH) return false;
  return Object.values(value).every((v) => shallowEnough(v, depth + 1));
}

/**
 * The op in a parsed JSON value, or null when it does not have exactly the Op shape: every
 * field a file gives is checked before it is used. Whether the value matches its hash, and
 * the origin's signature, are checked by the reader.
 */
export function parseOp(value: unknown): Op | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  if (!Object.keys(o).every((k) => KEYS.has(k))) return null;
  const ok =
    shortText(o.origin) &&
    isStream(o.stream) &&
    Number.isSafeInteger(o.seq) &&
    (o.seq as number) >= 1 &&
    shortText(o.hlc) &&
    (o.prev === null || shortText(o.prev)) &&
    shortText(o.author) &&
    shortText(o.table) &&
    shortText(o.rowId) &&
    shortText(o.field) &&
    'value' in o &&
    isHex(o.valueHash, 32) &&
    (o.erased === undefined ? isHex(o.salt, 16) : o.erased === true && o.salt === '' && o.value === null) &&
    shallowEnough(o.value, 0);
  if (!ok) return null;
  const op: Op = {
    origin: o.origin as string,
    stream: o.stream as string,
    seq: o.seq as number,
    hlc: o.hlc as string,
    prev: o.prev as string | null,
    author: o.author as string,
    table: o.table as string,
    rowId: o.rowId as string,
    field: o.field as string,
    value: o.value as Json,
    salt: o.salt as string,
    valueHash: o.valueHash as string,
  };
  if (o.erased) op.erased = true;
  return op;
}
