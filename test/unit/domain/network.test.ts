import { describe, expect, it } from 'vitest';
import {
  addStation,
  addZone,
  activeZones,
  renameStation,
  renameZone,
  setStationActive,
  setZoneActive,
  stationsOfZone,
  type NetworkDefinition,
} from '../../../renderer/domain/network';
import { networkFromTemplate, WVL4_TEMPLATE } from '../../../renderer/domain/wvl4-template';
import { DomainError } from '../../../renderer/domain/errors';

function counterIds() {
  let n = 0;
  return () => `id-${++n}`;
}

function wvl4(): NetworkDefinition {
  return networkFromTemplate(counterIds());
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('WVL4 template', () => {
  it('holds the four zones with their municipalities and stations', () => {
    const net = wvl4();
    expect(net.name).toBe('WVL4');
    expect(net.zones.map((z) => z.key)).toEqual(['westkust', 'polder', 'riho', 'vlas']);
    expect(net.zones.flatMap((z) => z.municipalities)).toHaveLength(13);
    const polder = net.zones.find((z) => z.key === 'polder')!;
    expect(stationsOfZone(net, polder.id).map((s) => s.name)).toEqual([...WVL4_TEMPLATE.zones[1].stations]);
    expect(net.stations).toHaveLength(13);
    expect(new Set([net.id, ...net.zones.map((z) => z.id), ...net.stations.map((s) => s.id)]).size).toBe(1 + 4 + 13);
  });
});

describe('network edits', () => {
  it('adds a fifth zone and a station in it: nothing is fixed at four', () => {
    let net = addZone(wvl4(), { id: 'idow', key: 'IDOW', name: ' PZ  IDOW ', municipalities: ['Ieper', ' ', 'Zonnebeke'] });
    net = addStation(net, { id: 's-ieper', zoneId: 'idow', name: 'Hoofdcommissariaat Ieper' });
    expect(activeZones(net)).toHaveLength(5);
    const idow = net.zones.find((z) => z.id === 'idow')!;
    expect(idow).toMatchObject({ key: 'idow', name: 'PZ IDOW', municipalities: ['Ieper', 'Zonnebeke'], active: true });
    expect(stationsOfZone(net, 'idow').map((s) => s.name)).toEqual(['Hoofdcommissariaat Ieper']);
  });

  it('refuses duplicate keys and names, case-insensitively, and bad keys', () => {
    const net = wvl4();
    expect(codeOf(() => addZone(net, { id: 'x', key: 'riho', name: 'Other' }))).toBe('zone.keyTaken');
    expect(codeOf(() => addZone(net, { id: 'x', key: 'other', name: 'pz riho' }))).toBe('zone.nameTaken');
    expect(codeOf(() => addZone(net, { id: 'x', key: 'a b', name: 'Other' }))).toBe('zone.badKey');
    expect(codeOf(() => addZone(net, { id: 'x', key: 'other', name: '   ' }))).toBe('zone.nameRequired');
    expect(codeOf(() => addStation(net, { id: 'x', zoneId: net.zones[0]!.id, name: 'post izegem' }))).toBe('station.nameTaken');
    expect(codeOf(() => addStation(net, { id: 'x', zoneId: 'nope', name: 'New' }))).toBe('zone.unknown');
  });

  it('renames zones and stations without touching ids', () => {
    const net = wvl4();
    const riho = net.zones[2]!;
    const renamed = renameZone(net, riho.id, 'PZ RIHO-IDOW');
    expect(renamed.zones[2]).toMatchObject({ id: riho.id, name: 'PZ RIHO-IDOW' });
    expect(net.zones[2]!.name).toBe('PZ RIHO');
    const station = net.stations[0]!;
    expect(renameStation(net, station.id, 'Politiehuis Koksijde').stations[0]).toMatchObject({ id: station.id, name: 'Politiehuis Koksijde' });
  });

  it('deactivates a zone with its stations, keeps them, and can reactivate', () => {
    const net = wvl4();
    const polder = net.zones[1]!;
    const off = setZoneActive(net, polder.id, false);
    expect(activeZones(off)).toHaveLength(3);
    expect(stationsOfZone(off, polder.id)).toHaveLength(0);
    expect(stationsOfZone(off, polder.id, true)).toHaveLength(4);
    expect(codeOf(() => addStation(off, { id: 'x', zoneId: polder.id, name: 'New' }))).toBe('zone.inactive');
    const on = setZoneActive(off, polder.id, true);
    expect(activeZones(on)).toHaveLength(4);
    const station = stationsOfZone(on, polder.id, true)[0]!;
    expect(setStationActive(on, station.id, true).stations.find((s) => s.id === station.id)?.active).toBe(true);
  });

  it('never deactivates the last active zone', () => {
    let net = wvl4();
    for (const z of net.zones.slice(1)) net = setZoneActive(net, z.id, false);
    expect(codeOf(() => setZoneActive(net, net.zones[0]!.id, false))).toBe('zone.lastActive');
  });
});
