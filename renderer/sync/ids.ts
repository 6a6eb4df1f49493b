/**
 * UUIDv7 (RFC 9562): 48 bits of Unix time in ms, then random bits. Ids sort by creation time,
 * which keeps IndexedDB inserts at the end of the primary-key B-tree.
 */
export function uuidv7(nowMs: number = Date.now(), random: Uint8Array = crypto.getRandomValues(new Uint8Array(10))): string {
  if (!Number.isSafeInteger(nowMs) || nowMs < 0) throw new RangeError('uuidv7: bad timestamp');
  if (random.length < 10) throw new RangeError('uuidv7: needs 10 random bytes');
  const bytes = new Uint8Array(16);
  let t = nowMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Any id the network uses for a station, zone or person: UUIDs, or short keys in tests. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9A-Za-z-]{1,64}$/.test(value);
}
