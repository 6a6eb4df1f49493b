import { DomainError } from './errors';

/**
 * The network definition: zones and their stations. It lives in one place (the roster) and every
 * change makes a new version of it, so it can become the signed, hash-chained roster that
 * travels in bundles. Nothing here knows how many zones there are.
 */

export const ROLES = ['station_staff', 'zone_admin', 'network_admin', 'dpo'] as const;
export type Role = (typeof ROLES)[number];

export interface Zone {
  id: string;
  /** Short stable key, lower case (e.g. "westkust"). */
  key: string;
  name: string;
  municipalities: string[];
  active: boolean;
  /** Set when the zone merged into another (e.g. RIHO and IDOW in 2027). */
  mergedInto: string | null;
}

export interface Station {
  id: string;
  zoneId: string;
  name: string;
  active: boolean;
}

export interface NetworkDefinition {
  id: string;
  name: string;
  zones: Zone[];
  stations: Station[];
}

const KEY = /^[a-z0-9][a-z0-9-]{1,31}$/;
const MAX_NAME = 120;

function cleanName(name: string, code: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new DomainError(`${code}.nameRequired`);
  if (trimmed.length > MAX_NAME) throw new DomainError(`${code}.nameTooLong`, { max: MAX_NAME });
  return trimmed;
}

/** Two names the same but for case and accents (how the network tells its stations and zones apart). */
export const sameName = (a: string, b: string) => a.localeCompare(b, 'nl-BE', { sensitivity: 'base' }) === 0;

export function findZone(net: NetworkDefinition, zoneId: string): Zone {
  const zone = net.zones.find((z) => z.id === zoneId);
  if (!zone) throw new DomainError('zone.unknown');
  return zone;
}

export function findStation(net: NetworkDefinition, stationId: string): Station {
  const station = net.stations.find((s) => s.id === stationId);
  if (!station) throw new DomainError('station.unknown');
  return station;
}

export function activeZones(net: NetworkDefinition): Zone[] {
  return net.zones.filter((z) => z.active);
}

export function stationsOfZone(net: NetworkDefinition, zoneId: string, includeInactive = false): Station[] {
  return net.stations.filter((s) => s.zoneId === zoneId && (includeInactive || s.active));
}

export function addZone(
  net: NetworkDefinition,
  input: { id: string; key: string; name: string; municipalities?: string[] },
): NetworkDefinition {
  const name = cleanName(input.name, 'zone');
  const key = input.key.trim().toLowerCase();
  if (!KEY.test(key)) throw new DomainError('zone.badKey');
  if (net.zones.some((z) => z.key === key)) throw new DomainError('zone.keyTaken', { key });
  if (net.zones.some((z) => z.active && sameName(z.name, name))) throw new DomainError('zone.nameTaken', { name });
  const municipalities = (input.municipalities ?? []).map((m) => m.trim()).filter(Boolean);
  return { ...net, zones: [...net.zones, { id: input.id, key, name, municipalities, active: true, mergedInto: null }] };
}

export function renameZone(net: NetworkDefinition, zoneId: string, newName: string): NetworkDefinition {
  const name = cleanName(newName, 'zone');
  findZone(net, zoneId);
  if (net.zones.some((z) => z.id !== zoneId && z.active && sameName(z.name, name))) {
    throw new DomainError('zone.nameTaken', { name });
  }
  return { ...net, zones: net.zones.map((z) => (z.id === zoneId ? { ...z, name } : z)) };
}

export function setZoneMunicipalities(net: NetworkDefinition, zoneId: string, municipalities: string[]): NetworkDefinition {
  findZone(net, zoneId);
  const cleaned = municipalities.map((m) => m.trim()).filter(Boolean);
  return { ...net, zones: net.zones.map((z) => (z.id === zoneId ? { ...z, municipalities: cleaned } : z)) };
}

/** Deactivating keeps the zone and its history; its stations are deactivated with it. */
export function setZoneActive(net: NetworkDefinition, zoneId: string, active: boolean): NetworkDefinition {
  const zone = findZone(net, zoneId);
  if (!active && activeZones(net).length === 1 && zone.active) throw new DomainError('zone.lastActive');
  if (active && net.zones.some((z) => z.id !== zoneId && z.active && sameName(z.name, zone.name))) {
    throw new DomainError('zone.nameTaken', { name: zone.name });
  }
  return {
    ...net,
    zones: net.zones.map((z) => (z.id === zoneId ? { ...z, active, mergedInto: active ? null : z.mergedInto } : z)),
    stations: active ? net.stations : net.stations.map((s) => (s.zoneId === zoneId ? { ...s, active: false } : s)),
  };
}

export function addStation(net: NetworkDefinition, input: { id: string; zoneId: string; name: string }): NetworkDefinition {
  const name = cleanName(input.name, 'station');
  const zone = findZone(net, input.zoneId);
  if (!zone.active) throw new DomainError('zone.inactive');
  if (net.stations.some((s) => s.active && sameName(s.name, name))) throw new DomainError('station.nameTaken', { name });
  return { ...net, stations: [...net.stations, { id: input.id, zoneId: zone.id, name, active: true }] };
}

export function renameStation(net: NetworkDefinition, stationId: string, newName: string): NetworkDefinition {
  const name = cleanName(newName, 'station');
  findStation(net, stationId);
  if (net.stations.some((s) => s.id !== stationId && s.active && sameName(s.name, name))) {
    throw new DomainError('station.nameTaken', { name });
  }
  return { ...net, stations: net.stations.map((s) => (s.id === stationId ? { ...s, name } : s)) };
}

export function setStationActive(net: NetworkDefinition, stationId: string, active: boolean): NetworkDefinition {
  const station = findStation(net, stationId);
  if (active && !findZone(net, station.zoneId).active) throw new DomainError('zone.inactive');
  if (active && net.stations.some((s) => s.id !== stationId && s.active && sameName(s.name, station.name))) {
    throw new DomainError('station.nameTaken', { name: station.name });
  }
  return { ...net, stations: net.stations.map((s) => (s.id === stationId ? { ...s, active } : s)) };
}

export function renameNetwork(net: NetworkDefinition, newName: string): NetworkDefinition {
  return { ...net, name: cleanName(newName, 'network') };
}
