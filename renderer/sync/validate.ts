import { isStream } from './audience';
import { parseOp } from './bundle/parse-op';
import { canonicalJson } from './canonical';
import { parseHlc, isHlc } from './hlc';
import { isId, isUuid } from './ids';
import { checkedValueChars, isCheckedOp, valueMatchesHash, type Op } from './op';
import { isName } from './schema';

/** Largest value an op may carry, as canonical JSON characters. */
export const MAX_VALUE_CHARS = 1 << 20;

/**
 * An op from outside (a bundle, another station), checked before the record layer stores it:
 * the Op shape (the bundle codec's parseOp), then what the merge relies on. Throws a RangeError
 * naming the first problem. Returns a fresh object holding only the op's own fields, or the op
 * itself when the codec checked it (checkOp): frozen, it has only those fields and cannot change.
 */
export function validateOp(input: unknown): Op {
  const parsed = parseOp(input);
  const op = parsed && isCheckedOp(input) ? input : parsed;
  const bad = (what: string) => new RangeError(`op: ${what}`);
  if (!op) throw bad('not an op');
  if (!isId(op.origin) || !isId(op.author)) throw bad('bad origin or author');
  if (!isStream(op.stream)) throw bad('bad stream');
  if (!isHlc(op.hlc) || parseHlc(op.hlc).station !== op.origin) throw bad('bad hlc');
  if (op.prev !== null && (!isHlc(op.prev) || op.prev >= op.hlc)) throw bad('bad prev');
  if (!isName(op.table) || !isName(op.field)) throw bad('bad table or field');
  if (!isUuid(op.rowId)) throw bad('bad row id');
  let chars = checkedValueChars(op);
  if (chars === undefined) {
    try {
      chars = canonicalJson(op.value).length;
    } catch {
      throw bad('value is not JSON');
    }
  }
  if (chars > MAX_VALUE_CHARS) throw bad('value too large');
  if (!valueMatchesHash(op)) throw bad('value does not match its hash');
  return op;
}
