import { canonicalJson, sha256Hex } from '../sync/canonical';
import { canManageZone, hasRole } from '../domain/people';
import { DomainError } from '../domain/errors';
import type { NetworkDefinition } from '../domain/network';
import type { Actor } from './actor';
import type { RosterVersion, ZonelinkDb } from './db';

export async function currentRoster(db: ZonelinkDb): Promise<RosterVersion | undefined> {
  return db.rosters.orderBy('version').last();
}

/** The next version of the network definition, chained to the one before. Pure but for hashing. */
export async function nextRosterVersion(
  prev: RosterVersion | undefined,
  network: NetworkDefinition,
  issuedBy: string | null,
  issuedAt: string,
): Promise<RosterVersion> {
  const body = { version: (prev?.version ?? 0) + 1, network, prevHash: prev?.hash ?? null, issuedAt, issuedBy };
  return { ...body, hash: await sha256Hex(canonicalJson(body)) };
}

/** Checks the chain of stored versions: each one's hash and its link to the one before. */
export async function verifyRosterChain(versions: RosterVersion[]): Promise<boolean> {
  let prev: RosterVersion | undefined;
  for (const v of [...versions].sort((a, b) => a.version - b.version)) {
    const { hash, ...body } = v;
    if (v.version !== (prev?.version ?? 0) + 1 || v.prevHash !== (prev?.hash ?? null)) return false;
    if ((await sha256Hex(canonicalJson(body))) !== hash) return false;
    prev = v;
  }
  return true;
}

/**
 * Applies an edit to the network definition as a new roster version. A zone administrator may
 * edit the stations of their own zone (pass `zoneId`); everything else needs a network
 * administrator.
 */
export async function editNetwork(
  db: ZonelinkDb,
  actor: Actor,
  edit: (network: NetworkDefinition) => NetworkDefinition,
  scope: { zoneId?: string } = {},
): Promise<RosterVersion> {
  const person = await db.people.get(actor.personId);
  if (!person?.active) throw new DomainError('auth.notSignedIn');
  const allowed = scope.zoneId ? canManageZone(person, scope.zoneId) : hasRole(person, 'network_admin');
  if (!allowed) throw new DomainError('auth.forbidden');
  for (;;) {
    const prev = await currentRoster(db);
    if (!prev) throw new DomainError('network.missing');
    // Hashing is not a Dexie call, so it happens before the transaction; the transaction then
    // checks that nobody wrote a version in between, and otherwise we start over.
    const next = await nextRosterVersion(prev, edit(prev.network), actor.personId, new Date().toISOString());
    const written = await db.transaction('rw', db.rosters, async () => {
      const latest = await db.rosters.orderBy('version').last();
      if (latest?.version !== prev.version) return false;
      await db.rosters.add(next);
      return true;
    });
    if (written) return next;
  }
}
