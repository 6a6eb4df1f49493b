import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../data/db';
import { currentRoster } from '../data/network';
import type { PeerStaleness } from '../data/replicated/replica';
import { replicaOf } from '../data/replicated/replica-of';
import { getSetting } from '../data/settings';
import type { NetworkDefinition } from '../domain/network';

export interface SyncStations {
  network: NetworkDefinition;
  /** This station's id. */
  selfId: string;
  /** What the Replica knows of each station heard from, by station id. */
  heard: ReadonlyMap<string, PeerStaleness>;
  /** Per active station other than this one: how many ops this station holds that it lacks. */
  waiting: ReadonlyMap<string, number>;
  /** Stations revoked in the signed roster: retired, never addressed. */
  revoked: ReadonlySet<string>;
  /** Stations whose keys are in the signed roster: only they can be sent a bundle. */
  withKeys: ReadonlySet<string>;
}

/**
 * Every station of the network with what this station knows of it, live: when it was last heard
 * from, how far this station's changes reached it, and what is waiting for it.
 */
export function useSyncStations(): SyncStations | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const replica = replicaOf(db);
    const [roster, station, staleness] = await Promise.all([currentRoster(db), getSetting(db, 'station'), replica.staleness()]);
    if (!roster || !station) return undefined;
    const { network } = roster;
    const document = roster.signed?.document;
    const revoked = new Set(document?.revocations.map((r) => r.station) ?? []);
    const withKeys = new Set(document?.stations.filter((s) => s.keys !== null).map((s) => s.id) ?? []);
    const others = network.stations.filter((s) => s.active && !revoked.has(s.id) && s.id !== station.stationId);
    const lacked = await Promise.all(others.map(async (s) => [s.id, await replica.countLackedBy([{ stationId: s.id }])] as const));
    return { network, selfId: station.stationId, heard: new Map(staleness.map((p) => [p.stationId, p])), waiting: new Map(lacked), revoked, withKeys };
  }, []);
}
