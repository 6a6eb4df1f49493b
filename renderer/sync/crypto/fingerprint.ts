import { fromHex, label, concat, sha256 } from './bytes';

/**
 * A short, human-comparable fingerprint of a public key or a roster root: the first 80 bits of
 * SHA-256("zonelink/v1/fingerprint\0" ‖ bytes), as five groups of four upper-case hex digits,
 * e.g. "3F2A 9C01 77DE 0B45 A1C2". Read aloud over the phone to confirm a key or a network.
 */
export async function fingerprint(hex: string): Promise<string> {
  const digest = await sha256(concat(label('fingerprint'), fromHex(hex)));
  const text = Array.from(digest.subarray(0, 10), (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
  return text.match(/.{4}/g)!.join(' ');
}
