import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { activeZones, addStation, findStation, sameName, stationsOfZone, type NetworkDefinition, type Station, type Zone } from '../../domain/network';
import { canonicalJson } from '../../sync/canonical';
import { fromHex, isHex, label, concat, toHex, utf8 } from '../../sync/crypto/bytes';
import { fingerprint } from '../../sync/crypto/fingerprint';
import { sign, verify, type StationPublicKeys } from '../../sync/crypto/keys';
import { uuidv7 } from '../../sync/ids';
import type { Actor } from '../actor';
import type { ZonelinkDb } from '../db';
import { currentRoster, setStationKeys } from '../network';
import { prepareStationKeys } from './join';

/**
 * The join request (decision 0047): what a new station hands an administrator. It carries no
 * secret: a provisional id, the station's and zone's names as the person typed them, the public
 * keys and their fingerprint, signed with the new signing key so that any change is seen.
 */
export interface JoinRequest {
  format: 'zonelink-join-request';
  version: 1;
  requestId: string;
  stationName: string;
  zone: string;
  keys: StationPublicKeys;
  fingerprint: string;
  signature: string;
}

const hexKey = z.string().refine((v) => isHex(v, 32));
const requestSchema = z.strictObject({
  format: z.literal('zonelink-join-request'),
  version: z.literal(1),
  requestId: z.string().min(1).max(100),
  stationName: z.string().trim().min(1).max(200),
  zone: z.string().trim().min(1).max(200),
  keys: z.strictObject({ signing: hexKey, agreement: hexKey }),
  fingerprint: z.string().max(40),
  signature: z.string().refine((v) => isHex(v, 64)),
});

const MAX_REQUEST_CHARS = 4096;

function signedPart(request: Omit<JoinRequest, 'signature'>): Uint8Array {
  const { format, version, requestId, stationName, zone, keys, fingerprint: print } = request;
  return concat(label('join-request'), utf8(canonicalJson({ format, version, requestId, stationName, zone, keys, fingerprint: print })));
}

/**
 * Makes this station's keys (kept under `requestId`, reused when the same id asks again) and the
 * signed request file. Nothing else is written: the station joins only with the roster.
 */
export async function createJoinRequest(
  db: ZonelinkDb,
  input: { requestId?: string; stationName: string; zone: string },
): Promise<{ requestId: string; file: string; fingerprint: string }> {
  const requestId = input.requestId ?? uuidv7();
  const { keys, fingerprint: print } = await prepareStationKeys(db, requestId);
  const own = await db.stationKeys.get(requestId);
  if (!own) throw new DomainError('joinRequest.notRequest');
  const body = { format: 'zonelink-join-request', version: 1, requestId, stationName: input.stationName.trim(), zone: input.zone.trim(), keys, fingerprint: print } as const;
  const signature = toHex(await sign(own.signing.privateKey, signedPart(body)));
  return { requestId, file: JSON.stringify({ ...body, signature }), fingerprint: print };
}

/** Checks a request file alone: its shape, and that keys, fingerprint and signature agree. */
export async function parseJoinRequest(text: string): Promise<JoinRequest> {
  let value: unknown;
  try {
    value = text.length <= MAX_REQUEST_CHARS ? JSON.parse(text) : null;
  } catch {
    value = null;
  }
  const parsed = requestSchema.safeParse(value);
  if (!parsed.success) throw new DomainError('joinRequest.notRequest');
  const request = parsed.data;
  const signed = await verify(request.keys.signing, fromHex(request.signature), signedPart(request));
  if (!signed || (await fingerprint(request.keys.signing)) !== request.fingerprint) throw new DomainError('joinRequest.tampered');
  return request;
}

const zoneWords = (name: string) => name.trim().toLowerCase().replace(/^pz\s+/, '');

export interface ReadJoinRequest {
  request: JoinRequest;
  zone: Zone;
  /** The zone's active stations that have no keys yet; the one named like the request first. */
  stations: Station[];
  /** The name a new station made from the request would have, or why none can be made. */
  newStation: { ok: true; name: string } | { ok: false; error: DomainError };
}

/** Where an approved request's keys go: a station of its zone that has none, or a new station. */
export type JoinTarget = { kind: 'existing'; stationId: string } | { kind: 'new' };

/**
 * The network with the request's station added to its zone (decision 0053), under the name the
 * request gives. The network's own rules hold; a name already taken and a zone deactivated are
 * told in the join's terms.
 */
function withRequestedStation(network: NetworkDefinition, zone: Zone, request: JoinRequest, id: string): NetworkDefinition {
  try {
    return addStation(network, { id, zoneId: zone.id, name: request.stationName });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'station.nameTaken') throw new DomainError('joinRequest.nameTaken', { station: request.stationName });
    if (error instanceof DomainError && error.code === 'zone.inactive') throw new DomainError('joinRequest.inactiveZone', { zone: zone.name });
    throw error;
  }
}

function requestedStation(network: NetworkDefinition, zone: Zone, request: JoinRequest): ReadJoinRequest['newStation'] {
  const id = uuidv7();
  try {
    return { ok: true, name: findStation(withRequestedStation(network, zone, request, id), id).name };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}

/**
 * Reads a request at an administrator's station against the current roster: refused when
 * tampered with, when its keys are already in the roster (a duplicate), or when the zone it names
 * is not in the network or deactivated.
 */
export async function readJoinRequest(db: ZonelinkDb, text: string): Promise<ReadJoinRequest> {
  const request = await parseJoinRequest(text);
  const roster = await currentRoster(db);
  if (!roster?.signed) throw new DomainError('sync.notReady');
  const doc = roster.signed.document;
  const known = doc.stations.find((s) => s.keys?.signing === request.keys.signing || s.keys?.agreement === request.keys.agreement);
  if (known) throw new DomainError('joinRequest.duplicate', { station: known.name });
  const network = roster.network;
  const named = (z: Zone) => z.id === request.zone || zoneWords(z.name) === zoneWords(request.zone);
  const zone = activeZones(network).find(named);
  if (!zone) {
    const inactive = network.zones.find(named);
    if (inactive) throw new DomainError('joinRequest.inactiveZone', { zone: inactive.name });
    throw new DomainError('joinRequest.unknownZone', { zone: request.zone });
  }
  const keyless = (s: Station) => !doc.stations.some((d) => d.id === s.id && d.keys);
  const like = (s: Station) => Number(sameName(s.name, request.stationName));
  const stations = stationsOfZone(network, zone.id)
    .filter(keyless)
    .sort((a, b) => like(b) - like(a));
  return { request, zone, stations, newStation: requestedStation(network, zone, request) };
}

/**
 * Publishes the request's keys in the roster's next version, signed with the administrator's
 * passphrase: for a station of its zone that has no keys yet, or for a new station of that zone
 * named as the request asks, added in that same version. Returns the station.
 */
export async function approveJoinRequest(db: ZonelinkDb, actor: Actor, text: string, target: JoinTarget, passphrase: string): Promise<Station> {
  const { request, zone } = await readJoinRequest(db, text);
  const roster = await currentRoster(db);
  if (target.kind === 'new') {
    const id = uuidv7();
    const version = await setStationKeys(db, actor, id, request.keys, { passphrase }, (network) => withRequestedStation(network, zone, request, id));
    return findStation(version.network, id);
  }
  const station = roster && stationsOfZone(roster.network, zone.id).find((s) => s.id === target.stationId);
  if (!station) throw new DomainError('joinRequest.wrongStation');
  if (roster.signed?.document.stations.find((s) => s.id === station.id)?.keys) throw new DomainError('joinRequest.stationHasKeys', { station: station.name });
  await setStationKeys(db, actor, station.id, request.keys, { passphrase });
  return station;
}
