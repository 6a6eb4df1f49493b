import { isStream } from './audience';
import { canonicalJson, type Json } from './canonical';
import { isHlc, parseHlc } from './hlc';
import { isId, isUuid } from './ids';
import { valueMatchesHash, type Op } from './op';
import { isName } from './schema';

/** Largest value an op may carry, as canonical JSON characters. */
export const MAX_VALUE_CHARS = 1 << 20;

const HEX64 = /^[0-9a-f]{64}$/;
const KEYS = new Set(['origin', 'stream', 'seq', 'hlc', 'prev', 'author', 'table', 'rowId', 'field', 'value', 'salt', 'valueHash', 'erased']);

/**
 * An op from outside (a bundle, another station), checked field by field; throws a RangeError
 * naming the first problem. Returns a fresh object holding only the op's own fields.
 */
export function parseOp(input: unknown): Op {
  const bad = (what: string) => new RangeError(`op: ${what}`);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw bad('not an object');
  const o = input as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!KEYS.has(key)) throw bad(`unexpected field ${key}`);
  const { origin, stream, seq, hlc, prev, author, table, rowId, field, value, salt, valueHash, erased } = o;
  if (!isId(origin)) throw bad('bad origin');
  if (!isStream(stream)) throw bad('bad stream');
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) throw bad('bad seq');
  if (!isHlc(hlc) || parseHlc(hlc).station !== origin) throw bad('bad hlc');
  if (prev !== null && (!isHlc(prev) || prev >= hlc)) throw bad('bad prev');
  if (!isId(author)) throw bad('bad author');
  if (!isName(table)) throw bad('bad table');
  if (!isUuid(rowId)) throw bad('bad row id');
  if (!isName(field)) throw bad('bad field');
  let json: string;
  try {
    json = canonicalJson(value);
  } catch {
    throw bad('value is not JSON');
  }
  if (json.length > MAX_VALUE_CHARS) throw bad('value too large');
  if (typeof salt !== 'string' || typeof valueHash !== 'string' || !HEX64.test(valueHash)) throw bad('bad hash');
  if (erased !== undefined && erased !== true) throw bad('bad erased flag');
  const op: Op = { origin, stream, seq, hlc, prev, author, table, rowId, field, value: value as Json, salt, valueHash };
  if (erased) op.erased = true;
  if (!valueMatchesHash(op)) throw bad('value does not match its hash');
  return op;
}
