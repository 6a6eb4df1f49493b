import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAdminKey, signAsAdmin } from '../../../renderer/sync/crypto/admin-key';
import { fromHex, toHex, utf8 } from '../../../renderer/sync/crypto/bytes';
import { fingerprint } from '../../../renderer/sync/crypto/fingerprint';
import { createStationKeys, keyPairFromSeed, rawPublicKey, sign, verify } from '../../../renderer/sync/crypto/keys';
import { passphraseKey, unwrapForStation, unwrapWithPassphrase, wrapForStation, wrapWithPassphrase } from '../../../renderer/sync/crypto/wrap';

const message = utf8('Drone 3 uitgeleend aan PZ VLAS');

describe('station keys', () => {
  it('are made at first run with non-extractable private keys', async () => {
    const keys = await createStationKeys('station-1');
    expect(keys.signing.privateKey.extractable).toBe(false);
    expect(keys.agreement.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', keys.signing.privateKey)).rejects.toThrow();
    expect(keys.publicKeys.signing).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.publicKeys.agreement).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.signing.privateKey.algorithm.name).toBe('Ed25519');
    expect(keys.agreement.privateKey.algorithm.name).toBe('X25519');
  });

  it('survive a structured clone (how IndexedDB stores them) and still sign', async () => {
    const keys = await createStationKeys('station-1');
    const stored = structuredClone(keys);
    expect(stored.signing.privateKey.extractable).toBe(false);
    const signature = await sign(stored.signing.privateKey, message);
    expect(await verify(keys.publicKeys.signing, signature, message)).toBe(true);
  });

  it('from a seed match RFC 8032 (Ed25519) and RFC 7748 (X25519) test vectors', async () => {
    const ed = await keyPairFromSeed('Ed25519', fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'));
    expect(await rawPublicKey(ed.publicKey)).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(toHex(await sign(ed.privateKey, new Uint8Array(0)))).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    const x = await keyPairFromSeed('X25519', fromHex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'));
    expect(await rawPublicKey(x.publicKey)).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
    expect(ed.privateKey.extractable).toBe(false);
  });

  it('verify refuses a wrong message, a wrong key and malformed input without throwing', async () => {
    const keys = await createStationKeys('s');
    const other = await createStationKeys('t');
    const signature = await sign(keys.signing.privateKey, message);
    expect(await verify(keys.publicKeys.signing, signature, utf8('iets anders'))).toBe(false);
    expect(await verify(other.publicKeys.signing, signature, message)).toBe(false);
    expect(await verify('00', signature, message)).toBe(false);
    expect(await verify(keys.publicKeys.signing, signature.subarray(1), message)).toBe(false);
  });
});

describe('key wrapping', () => {
  const fileKey = crypto.getRandomValues(new Uint8Array(32));

  it('wraps the file key for one station: only that station, under its own id, unwraps it', async () => {
    const [eph, a, b] = await Promise.all([keyPairFromSeed('X25519', new Uint8Array(32).fill(9)), createStationKeys('A'), createStationKeys('B')]);
    const ephemeral = { privateKey: eph.privateKey, publicHex: await rawPublicKey(eph.publicKey) };
    const wrapped = await wrapForStation(fileKey, ephemeral, { station: 'A', agreementHex: a.publicKeys.agreement });
    expect(wrapped).toHaveLength(48);
    const me = (k: typeof a, station = k.station) => ({ station, agreementPrivate: k.agreement.privateKey, agreementHex: k.publicKeys.agreement });
    expect(await unwrapForStation(wrapped, ephemeral.publicHex, me(a))).toEqual(fileKey);
    expect(await unwrapForStation(wrapped, ephemeral.publicHex, me(b))).toBeNull();
    expect(await unwrapForStation(wrapped, ephemeral.publicHex, me(a, 'B'))).toBeNull();
    expect(await unwrapForStation(wrapped, '00'.repeat(32), me(a))).toBeNull();
  });

  it('wraps under a passphrase with at least 600,000 PBKDF2 iterations', async () => {
    const params = { salt: new Uint8Array(16).fill(1), iterations: 600_000 };
    const wrapped = await wrapWithPassphrase(fileKey, 'noodgeval: Westkust-USB-17', params);
    expect(await unwrapWithPassphrase(wrapped, 'noodgeval: Westkust-USB-17', params)).toEqual(fileKey);
    expect(await unwrapWithPassphrase(wrapped, 'noodgeval: Westkust-USB-18', params)).toBeNull();
    await expect(passphraseKey('x', params.salt, 599_999)).rejects.toThrow(RangeError);
    await expect(passphraseKey('x', params.salt, 10_000_001)).rejects.toThrow(RangeError);
  });

  it('normalises the passphrase (NFC), so é typed either way opens the stanza', async () => {
    const params = { salt: new Uint8Array(16).fill(2), iterations: 600_000 };
    const wrapped = await wrapWithPassphrase(fileKey, 'politiehuis-caf\u00e9', params);
    expect(await unwrapWithPassphrase(wrapped, 'politiehuis-cafe\u0301', params)).toEqual(fileKey);
  });
});

describe('the administrator key', () => {
  it('is kept wrapped, and signs only with the right passphrase', async () => {
    const key = await createAdminKey('person-1', 'lange wachtzin van de korpschef');
    expect(JSON.stringify(key)).not.toMatch(/BEGIN|"d"/);
    const signature = await signAsAdmin(key, 'lange wachtzin van de korpschef', message);
    expect(await verify(key.publicKey, signature, message)).toBe(true);
    await expect(signAsAdmin(key, 'lange wachtzin van de korpschef!', message)).rejects.toMatchObject({ code: 'adminKey.wrongPassphrase' });
    await expect(signAsAdmin({ ...key, person: 'person-2' }, 'lange wachtzin van de korpschef', message)).rejects.toMatchObject({ code: 'adminKey.wrongPassphrase' });
    await expect(createAdminKey('person-1', 'kort')).rejects.toMatchObject({ code: 'password.tooShort' });
  });
});

describe('fingerprints', () => {
  it('are five groups of four hex digits, stable, and differ between keys', async () => {
    const a = await fingerprint('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(a).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
    const independent = createHash('sha256').update('zonelink/v1/fingerprint\0').update(Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex')).digest('hex');
    expect(a.replace(/ /g, '')).toBe(independent.slice(0, 20).toUpperCase());
    expect(await fingerprint('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a')).toBe(a);
    expect(await fingerprint('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a')).not.toBe(a);
  });
});
