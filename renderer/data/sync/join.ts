import { DomainError } from '../../domain/errors';
import { createStationKeys, type StationPublicKeys } from '../../sync/crypto/keys';
import { fingerprint } from '../../sync/crypto/fingerprint';
import { verifyRosterChain } from '../../sync/roster/chain';
import { rosterStation, type RosterStation } from '../../sync/roster/roster';
import type { ZonelinkDb } from '../db';
import { rosterRow, signedChain } from '../network';

/**
 * Joining a network that exists (decision 0042). The new station makes its keys first and
 * shows their fingerprint; an administrator publishes them in the roster (setStationKeys) and
 * hands over the roster file (exportRoster); the station checks the network's fingerprint,
 * which a person reads out over the phone, and adopts the roster. A bootstrap bundle then brings
 * the data.
 */
export async function prepareStationKeys(db: ZonelinkDb, stationId: string): Promise<{ keys: StationPublicKeys; fingerprint: string }> {
  if (await db.settings.get('station')) throw new DomainError('firstRun.alreadyDone');
  const keys = (await db.stationKeys.get(stationId)) ?? (await createStationKeys(stationId));
  await db.stationKeys.put(keys);
  return { keys: keys.publicKeys, fingerprint: await fingerprint(keys.publicKeys.signing) };
}

/** The signed roster chain as a file: public, so it may travel any way. */
export async function exportRoster(db: ZonelinkDb): Promise<string> {
  const chain = await signedChain(db);
  if (!chain) throw new DomainError('sync.notReady');
  return JSON.stringify({ format: 'zonelink-roster', chain });
}

/** The fingerprint of a network: of its roster version 1, read out to confirm it. */
export async function networkFingerprint(db: ZonelinkDb): Promise<string> {
  const chain = await signedChain(db);
  if (!chain) throw new DomainError('sync.notReady');
  return fingerprint(chain[0]!.hash);
}

/**
 * Adopts the roster file once the typed network fingerprint matches. Without `stationId` the
 * station is the one the roster lists with this station's keys (a join request's provisional id
 * is then replaced by it, and the keys of requests never approved are dropped; decision 0047).
 */
export async function joinNetwork(db: ZonelinkDb, input: { rosterFile: string; networkFingerprint: string; stationId?: string }): Promise<void> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.rosterFile);
  } catch {
    throw new DomainError('join.notRoster');
  }
  const versions = (parsed as { format?: unknown; chain?: unknown } | null)?.chain;
  if ((parsed as { format?: unknown } | null)?.format !== 'zonelink-roster' || !Array.isArray(versions)) throw new DomainError('join.notRoster');
  const wanted = input.networkFingerprint.replace(/\s+/g, '').toUpperCase();
  const genesis = versions.find((v): v is { hash: string } => typeof (v as { hash?: unknown } | null)?.hash === 'string' && (v as { document?: { version?: unknown } }).document?.version === 1);
  if (!genesis || (await fingerprint(genesis.hash).catch(() => ''))?.replace(/\s+/g, '') !== wanted) throw new DomainError('join.wrongFingerprint');
  const adopted = await verifyRosterChain(versions, genesis.hash);
  if (!adopted.ok) throw new DomainError('join.rosterRefused', { reason: adopted.reason });
  const tip = adopted.chain[adopted.chain.length - 1]!.document;
  const own = await db.stationKeys.toArray();
  const ownKeys = (s: RosterStation) => own.find((k) => s.keys?.signing === k.publicKeys.signing && s.keys.agreement === k.publicKeys.agreement);
  const station = input.stationId ? rosterStation(tip, input.stationId) : tip.stations.find(ownKeys);
  const keys = station && ownKeys(station);
  if (!station || !keys) throw new DomainError('join.keysNotInRoster');
  await db.transaction('rw', db.settings, db.rosters, db.stationKeys, async () => {
    if (await db.settings.get('station')) throw new DomainError('firstRun.alreadyDone');
    await db.stationKeys.clear();
    await db.stationKeys.put({ ...keys, station: station.id });
    await db.rosters.bulkPut(adopted.chain.map(rosterRow));
    await db.settings.put({ key: 'station', value: { networkId: tip.network, zoneId: station.zoneId, stationId: station.id } });
  });
}
