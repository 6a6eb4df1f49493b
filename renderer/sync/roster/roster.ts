import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { ROLES, type NetworkDefinition, type Role, type Station, type Zone } from '../../domain/network';
import { canonicalJson } from '../canonical';
import { signAsAdmin, type WrappedAdminKey } from '../crypto/admin-key';
import { concat, fromHex, isHex, label, toHex, utf8 } from '../crypto/bytes';
import { SUITE, verify, type StationPublicKeys } from '../crypto/keys';
import type { ReasonCode, Refusal } from '../bundle/reasons';

/**
 * The signed roster (decision 0033): the network definition plus everything a station needs to
 * trust a bundle: each station's public keys, the administrators who may sign the next version,
 * revocations with their seq cutoffs, the minimum app version and the algorithm suite. Versions
 * are hash-chained; each is signed by a network administrator listed in the version before it
 * (the first one by an administrator it lists itself).
 */
export interface RosterStation extends Station {
  /** Null until the station has made its keys and an administrator has added them. */
  keys: StationPublicKeys | null;
}

export interface RosterAdmin {
  person: string;
  name: string;
  zoneId: string;
  roles: Role[];
  /** Raw Ed25519 public key, hex. */
  key: string;
}

/**
 * A revoked station: its ops up to the cutoff are kept, later ones refused (decision 0032). A
 * station's seq counts per stream, so `streams` may give a stream its own cutoff; every other
 * stream has `seq`.
 */
export interface Revocation {
  station: string;
  seq: number;
  streams: Record<string, number>;
  revokedAt: string;
  revokedBy: string;
}

export interface RosterDocument {
  network: string;
  name: string;
  version: number;
  /** Hash of the version before; null for version 1. */
  prev: string | null;
  issuedAt: string;
  /** Person id of the administrator whose key signs this version. */
  issuedBy: string;
  suite: typeof SUITE;
  /** Stations running an older app are told to update. */
  minAppVersion: string;
  zones: Zone[];
  stations: RosterStation[];
  admins: RosterAdmin[];
  revocations: Revocation[];
}

export interface SignedRoster {
  document: RosterDocument;
  /** Hex SHA-256 of the canonical JSON of the document. */
  hash: string;
  /** Hex Ed25519 signature over "zonelink/v1/roster\0" ‖ hash bytes. */
  signature: string;
}

/** Refusal codes of the roster, shared with the bundle's. */
export type RosterReason = Extract<ReasonCode, 'rosterForged' | 'rosterBroken' | 'unknownNetwork' | 'tooNew' | 'tooLarge'>;
export type RosterFailure = Refusal & { reason: RosterReason };

const APP_VERSION = /^\d{1,6}\.\d{1,6}\.\d{1,6}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const id = z.string().min(1).max(100);
const name = z.string().min(1).max(200);
const seq = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const hex32 = z.string().refine((v) => isHex(v, 32));
const instant = z.string().regex(ISO_INSTANT);

const zoneSchema = z.strictObject({
  id,
  key: z.string().max(32),
  name,
  municipalities: z.array(name).max(200),
  active: z.boolean(),
  mergedInto: id.nullable(),
});
const documentSchema = z.strictObject({
  network: id,
  name,
  version: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  prev: hex32.nullable(),
  issuedAt: instant,
  issuedBy: id,
  suite: z.string().max(100),
  minAppVersion: z.string().regex(APP_VERSION),
  zones: z.array(zoneSchema).max(1000),
  stations: z
    .array(z.strictObject({ id, zoneId: id, name, active: z.boolean(), keys: z.strictObject({ signing: hex32, agreement: hex32 }).nullable() }))
    .max(10_000),
  admins: z.array(z.strictObject({ person: id, name, zoneId: id, roles: z.array(z.enum(ROLES)).max(ROLES.length), key: hex32 })).max(1000),
  revocations: z
    .array(z.strictObject({ station: id, seq, streams: z.record(z.string().max(200), seq), revokedAt: instant, revokedBy: id }))
    .max(10_000),
});
const signedSchema = z.strictObject({
  document: documentSchema,
  hash: hex32,
  signature: z.string().refine((v) => isHex(v, 64)),
});

/** The signed roster in `value`, or null when it does not have the roster's shape. */
export function parseSignedRoster(value: unknown): SignedRoster | null {
  const parsed = signedSchema.safeParse(value);
  return parsed.success ? (parsed.data as SignedRoster) : null;
}

export function rosterHash(document: RosterDocument): string {
  return toHex(sha256(utf8(canonicalJson(document))));
}

function signedMessage(hash: string): Uint8Array {
  return concat(label('roster'), fromHex(hash));
}

export interface RosterContent {
  network: NetworkDefinition;
  /** Public keys by station id; stations without keys are listed with `keys: null`. */
  keys: Readonly<Record<string, StationPublicKeys>>;
  admins: RosterAdmin[];
  revocations: Revocation[];
  minAppVersion: string;
}

/** The next roster document, built from the network definition and the keys. */
export function rosterDocument(
  content: RosterContent,
  link: { prev: SignedRoster | null; issuedAt: string; issuedBy: string },
): RosterDocument {
  const { network } = content;
  if (link.prev && link.prev.document.network !== network.id) throw new DomainError('roster.otherNetwork');
  return {
    network: network.id,
    name: network.name,
    version: (link.prev?.document.version ?? 0) + 1,
    prev: link.prev?.hash ?? null,
    issuedAt: link.issuedAt,
    issuedBy: link.issuedBy,
    suite: SUITE,
    minAppVersion: content.minAppVersion,
    zones: network.zones,
    stations: network.stations.map((s) => ({ ...s, keys: content.keys[s.id] ?? null })),
    admins: content.admins,
    revocations: content.revocations,
  };
}

/** The network definition a roster document describes. */
export function rosterNetwork(document: RosterDocument): NetworkDefinition {
  return {
    id: document.network,
    name: document.name,
    zones: document.zones,
    stations: document.stations.map(({ keys: _keys, ...station }) => station),
  };
}

/** The administrator who may sign the version after `authority` (or `authority` itself, for version 1). */
function signingAdmin(authority: RosterDocument, person: string): RosterAdmin | undefined {
  return authority.admins.find((a) => a.person === person && a.roles.includes('network_admin'));
}

/** Signs a document with the issuing administrator's wrapped key; the passphrase unwraps it for this signature only. */
export async function signRoster(
  document: RosterDocument,
  parent: SignedRoster | null,
  key: WrappedAdminKey,
  passphrase: string,
): Promise<SignedRoster> {
  const admin = signingAdmin(parent?.document ?? document, document.issuedBy);
  if (!admin || admin.person !== key.person || admin.key !== key.publicKey) throw new DomainError('roster.notAdmin');
  const hash = rosterHash(document);
  const signature = await signAsAdmin(key, passphrase, signedMessage(hash));
  return { document, hash, signature: toHex(signature) };
}

export const rosterFailure = (reason: RosterReason, detail: string, params: Refusal['params'] = {}): RosterFailure => ({ ok: false, reason, detail, params });

/**
 * Checks one version against its parent (null for version 1): hash, link, network, suite, and
 * a valid signature by a network administrator of the parent. Null when it holds.
 */
export async function verifyRosterVersion(version: SignedRoster, parent: SignedRoster | null): Promise<RosterFailure | null> {
  const doc = version.document;
  const at = `version ${doc.version}`;
  if (doc.suite !== SUITE) return rosterFailure('tooNew', `${at}: suite ${doc.suite}`, { appVersion: doc.minAppVersion });
  if (rosterHash(doc) !== version.hash) return rosterFailure('rosterBroken', `${at}: hash does not match its content`);
  if (parent) {
    if (doc.network !== parent.document.network) return rosterFailure('unknownNetwork', `${at}: network ${doc.network}`);
    if (doc.prev !== parent.hash || doc.version !== parent.document.version + 1) return rosterFailure('rosterBroken', `${at}: not linked to version ${parent.document.version}`);
  } else if (doc.version !== 1 || doc.prev !== null) {
    return rosterFailure('rosterBroken', `${at}: has no version before it`);
  }
  const admin = signingAdmin(parent?.document ?? doc, doc.issuedBy);
  if (!admin) return rosterFailure('rosterForged', `${at}: signed by ${doc.issuedBy}, who is no network administrator`);
  if (!(await verify(admin.key, fromHex(version.signature), signedMessage(version.hash)))) {
    return rosterFailure('rosterForged', `${at}: signature does not verify`);
  }
  return null;
}

export function rosterStation(document: RosterDocument, station: string): RosterStation | undefined {
  return document.stations.find((s) => s.id === station);
}

/** The highest seq of `station` in `stream` that still counts, or null when it is not revoked. */
export function revocationCutoff(document: RosterDocument, station: string, stream: string): number | null {
  const revocation = document.revocations.find((r) => r.station === station);
  if (!revocation) return null;
  return Object.hasOwn(revocation.streams, stream) ? revocation.streams[stream]! : revocation.seq;
}

function versionParts(version: string): number[] {
  return version.split('.').map(Number);
}

/** Whether an app of `appVersion` ("major.minor.patch") meets the roster's minimum. */
export function meetsMinAppVersion(document: RosterDocument, appVersion: string): boolean {
  if (!APP_VERSION.test(appVersion)) return false;
  const mine = versionParts(appVersion);
  const min = versionParts(document.minAppVersion);
  for (let i = 0; i < 3; i++) if (mine[i] !== min[i]) return mine[i]! > min[i]!;
  return true;
}
