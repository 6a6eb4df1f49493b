import { networkFromTemplate } from '../../../renderer/domain/wvl4-template';
import type { NetworkDefinition } from '../../../renderer/domain/network';
import { createAdminKey, type WrappedAdminKey } from '../../../renderer/sync/crypto/admin-key';
import { keyPairFromSeed, rawPublicKey, type StationKeys } from '../../../renderer/sync/crypto/keys';
import { sha256, utf8 } from '../../../renderer/sync/crypto/bytes';
import { uuidv7 } from '../../../renderer/sync/ids';
import { formatHlc } from '../../../renderer/sync/hlc';
import { computeValueHash, type Op } from '../../../renderer/sync/op';
import type { Json } from '../../../renderer/sync/canonical';
import { compress } from '../../../renderer/sync/bundle/compress';
import { encodeRecords, type BundleMeta } from '../../../renderer/sync/bundle/records';
import { freshRandomness, sealBundle } from '../../../renderer/sync/bundle/seal';
import type { SignedSegment } from '../../../renderer/sync/bundle/segment';
import { rosterDocument, signRoster, type RosterAdmin, type RosterContent, type Revocation, type SignedRoster } from '../../../renderer/sync/roster/roster';

/** Shared test fixtures: a WVL4 network with fixed ids, fixed station keys and a signed roster. */
export const NOW = '2026-03-02T09:00:00.000Z';
export const PASSPHRASE = 'korpschef-westkust-2026';

export function fixedIds(seed = 0): () => string {
  let n = 0;
  return () => {
    n++;
    return uuidv7(1_770_000_000_000 + seed * 1000 + n, new Uint8Array(10).fill((seed * 31 + n) % 256));
  };
}

/** A station's keys from its two 32-byte private keys. */
export async function stationKeysFromSeeds(station: string, signingSeed: Uint8Array, agreementSeed: Uint8Array): Promise<StationKeys> {
  const [signing, agreement] = await Promise.all([keyPairFromSeed('Ed25519', signingSeed), keyPairFromSeed('X25519', agreementSeed)]);
  return { station, signing, agreement, publicKeys: { signing: await rawPublicKey(signing.publicKey), agreement: await rawPublicKey(agreement.publicKey) } };
}

/** Station keys from seeds derived from a name, so every run has the same keys. */
export async function fixedStationKeys(station: string, name: string): Promise<StationKeys> {
  return stationKeysFromSeeds(station, await sha256(utf8(`signing:${name}`)), await sha256(utf8(`agreement:${name}`)));
}

export const NAMES = ['A', 'B', 'C', 'R', 'X'] as const;
export type Name = (typeof NAMES)[number];

export interface TestNetwork {
  network: NetworkDefinition;
  zoneOf: Record<Name, string>;
  keys: Record<Name, StationKeys>;
  admin: { person: string; key: WrappedAdminKey; record: RosterAdmin };
  content: RosterContent;
  chain: SignedRoster[];
}

/**
 * A: Koksijde (Westkust), B: Diksmuide (Polder), C: Roeselare (RIHO), R: Kortrijk (VLAS, the
 * relay), X: De Panne (Westkust, the one that gets revoked). One network administrator.
 */
export async function makeTestNetwork(): Promise<TestNetwork> {
  const network = networkFromTemplate(fixedIds());
  const byName = (name: string) => network.stations.find((s) => s.name === name)!;
  const stations: Record<Name, string> = {
    A: byName('Centraal Politiehuis Koksijde').id,
    B: byName('Hoofdcommissariaat Diksmuide').id,
    C: byName('Hoofdcommissariaat Roeselare').id,
    R: byName('Hoofdcommissariaat Kortrijk').id,
    X: byName('Post De Panne').id,
  };
  const keyList = await Promise.all(NAMES.map((n) => fixedStationKeys(stations[n], n)));
  const keys = Object.fromEntries(NAMES.map((n, i) => [n, keyList[i]!])) as Record<Name, StationKeys>;
  const zoneOf = Object.fromEntries(NAMES.map((n) => [n, network.stations.find((s) => s.id === stations[n])!.zoneId])) as Record<Name, string>;
  const person = fixedIds(7)();
  const key = await createAdminKey(person, PASSPHRASE);
  const record: RosterAdmin = { person, name: 'Ann Admin', zoneId: zoneOf.A, roles: ['network_admin'], key: key.publicKey };
  const content: RosterContent = {
    network,
    keys: Object.fromEntries(NAMES.map((n) => [stations[n], keys[n].publicKeys])),
    admins: [record],
    revocations: [],
    minAppVersion: '0.1.0',
  };
  const genesis = await signRoster(rosterDocument(content, { prev: null, issuedAt: NOW, issuedBy: person }), null, key, PASSPHRASE);
  return { network, zoneOf, keys, admin: { person, key, record }, content, chain: [genesis] };
}

/** The next signed version of `net`'s chain with `change` applied to its content. */
export async function nextVersion(net: TestNetwork, change: Partial<RosterContent>, issuedAt = NOW, parent = net.chain[net.chain.length - 1]!): Promise<SignedRoster> {
  const doc = rosterDocument({ ...net.content, ...change }, { prev: parent, issuedAt, issuedBy: net.admin.person });
  return signRoster(doc, parent, net.admin.key, PASSPHRASE);
}

export function revocation(net: TestNetwork, station: string, seq: number, streams: Record<string, number> = {}): Revocation {
  return { station, seq, streams, revokedAt: NOW, revokedBy: net.admin.person };
}

export const AUTHOR = '01900000-0000-7000-8000-00000000a001';

/** `count` ops of `origin` in `stream`, seq from `from`, with fixed salts. */
export function makeOps(origin: string, stream: string, count: number, from = 1, value: (i: number) => Json = (i) => ({ name: `Drone ${i}`, note: 'x'.repeat(i % 40) })): Op[] {
  return Array.from({ length: count }, (_, k) => {
    const seq = from + k;
    const salt = seq.toString(16).padStart(32, '0');
    const v = value(seq);
    return {
      origin,
      stream,
      seq,
      hlc: formatHlc({ wall: 1_770_000_000_000 + seq, counter: 0, station: origin }),
      prev: null,
      author: AUTHOR,
      table: 'assets',
      rowId: uuidv7(1_770_000_000_000 + seq, new Uint8Array(10).fill(seq % 256)),
      field: 'name',
      value: v,
      salt,
      valueHash: computeValueHash(salt, v),
    };
  });
}

export const everyone = (): boolean => true;

export const META: BundleMeta = { createdAt: NOW, appVersion: '0.1.0', acks: {} };

/**
 * A bundle sealed without writeBundle's checks: what a fully keyed but dishonest station (or
 * a buggy one) could write. The payload is encoded as it is given.
 */
export async function sealUnchecked(
  net: TestNetwork,
  input: { sender: Name; recipients: Name[]; segments: SignedSegment[]; rosters?: readonly unknown[]; chunkSize?: number },
): Promise<Uint8Array> {
  const plain = await encodeRecords({ meta: META, rosters: input.rosters ?? net.chain, segments: input.segments });
  return sealBundle({
    sender: net.keys[input.sender],
    network: net.network.id,
    recipients: input.recipients.map((n) => ({ station: net.keys[n].station, agreement: net.keys[n].publicKeys.agreement })),
    passphrase: null,
    payload: { bytes: await compress(plain, 'deflate-raw'), compression: 'deflate-raw', plainLength: plain.length },
    chunkSize: input.chunkSize ?? 65_536,
    random: freshRandomness(Date.parse(NOW)),
  });
}
