import type { Json } from '../../../renderer/sync/canonical';
import { formatHlc } from '../../../renderer/sync/hlc';
import { computeValueHash, type Op } from '../../../renderer/sync/op';

export const T = Date.parse('2026-03-02T08:00:00.000Z');
export const ROW = '019cad8f-fb17-79a5-b307-02e4421c0be8';

/** A valid op at `ms` after T from `origin`, one per call unless `counter` is given. */
export function makeOp(input: { origin: string; field: string; value: Json; ms?: number; counter?: number; seq?: number; prev?: string | null; stream?: string; table?: string; rowId?: string; author?: string }): Op {
  const salt = '00112233445566778899aabbccddeeff';
  return {
    origin: input.origin,
    stream: input.stream ?? 'net',
    seq: input.seq ?? 1,
    hlc: formatHlc({ wall: T + (input.ms ?? 0), counter: input.counter ?? 0, station: input.origin }),
    prev: input.prev ?? null,
    author: input.author ?? `person-${input.origin}`,
    table: input.table ?? 'things',
    rowId: input.rowId ?? ROW,
    field: input.field,
    value: input.value,
    salt,
    valueHash: computeValueHash(salt, input.value),
  };
}
