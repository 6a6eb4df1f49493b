import type { ZonelinkDb } from '../db';
import { Replica } from './replica';
import { REPLICATED_TABLES } from './tables';

const replicas = new WeakMap<ZonelinkDb, Replica>();

/** The app's replica of a database: every declared table, on the real clock. */
export function replicaOf(db: ZonelinkDb): Replica {
  let replica = replicas.get(db);
  if (!replica) {
    replica = new Replica(db, REPLICATED_TABLES);
    replicas.set(db, replica);
  }
  return replica;
}
