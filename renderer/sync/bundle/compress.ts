import { concatAll, type Bytes } from '../crypto/bytes';
import type { Compression } from './format';
import { RefusalError, refuse } from './reasons';

/** Input is fed to the decompressor in pieces this small, so one piece can unpack to at most about 4 MiB (deflate expands at most ~1032:1). */
const PIECE = 4 * 1024;
/** The compressor has no such risk: larger pieces cost fewer stream turns. */
const COMPRESS_PIECE = 1024 * 1024;

function piecewise(data: Uint8Array, piece: number): ReadableStream<Uint8Array<ArrayBuffer>> {
  let at = 0;
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      pull(controller) {
        if (at >= data.length) {
          controller.close();
          return;
        }
        // A view, not a copy: the streams only read it, and nothing writes `data` meanwhile.
        controller.enqueue(data.subarray(at, at + piece) as Uint8Array<ArrayBuffer>);
        at += piece;
      },
    },
    { highWaterMark: 0 },
  );
}

export async function compress(plain: Uint8Array, compression: Compression): Promise<Bytes> {
  if (compression === 'none') return plain.slice();
  const reader = piecewise(plain, COMPRESS_PIECE).pipeThrough(new CompressionStream(compression)).getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return concatAll(parts);
    parts.push(value);
  }
}

/**
 * Decompresses into exactly `plainLength` bytes (declared in the signed header and already
 * capped). Stops as soon as the output would exceed it: a decompression bomb is refused with
 * tooLarge before it fills memory. Less output, or damaged data, is refused as corrupted.
 */
export async function decompress(data: Uint8Array, compression: Compression, plainLength: number): Promise<Bytes> {
  if (compression === 'none') return data.slice();
  const reader = piecewise(data, PIECE).pipeThrough(new DecompressionStream(compression)).getReader();
  const out = new Uint8Array(plainLength);
  let at = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.length > plainLength - at) {
        await reader.cancel();
        refuse('tooLarge', `unpacks to more than the declared ${plainLength} bytes`);
      }
      out.set(value, at);
      at += value.length;
    }
  } catch (error) {
    if (error instanceof RefusalError) throw error;
    refuse('corrupted', `payload does not unpack: ${String(error)}`);
  }
  if (at !== plainLength) refuse('corrupted', `unpacks to ${at} of ${plainLength} bytes`);
  return out;
}
