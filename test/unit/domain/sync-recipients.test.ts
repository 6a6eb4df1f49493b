import { describe, expect, it } from 'vitest';
import type { NetworkDefinition } from '../../../renderer/domain/network';
import { recipientsOf } from '../../../renderer/domain/sync-recipients';

const zone = (id: string) => ({ id, key: id, name: id, municipalities: [], active: true, mergedInto: null });
const ALL = () => true;
const NET: NetworkDefinition = {
  id: 'n',
  name: 'N',
  zones: [zone('w'), zone('p'), zone('r')],
  stations: [
    { id: 'w1', zoneId: 'w', name: 'W1', active: true },
    { id: 'w2', zoneId: 'w', name: 'W2', active: true },
    { id: 'w3', zoneId: 'w', name: 'W3', active: false },
    { id: 'p1', zoneId: 'p', name: 'P1', active: true },
    { id: 'r1', zoneId: 'r', name: 'R1', active: true },
  ],
};

describe('recipientsOf', () => {
  it('one zone: its active stations, never this one', () => {
    expect(recipientsOf(NET, { kind: 'zone', zoneId: 'w' }, 'w1', ALL)).toEqual(['w2']);
  });

  it('several zones', () => {
    expect(recipientsOf(NET, { kind: 'zones', zoneIds: ['w', 'r'] }, 'p1', ALL)).toEqual(['w1', 'w2', 'r1']);
  });

  it('the whole network, without deactivated stations or those that cannot receive', () => {
    expect(recipientsOf(NET, { kind: 'network' }, 'w1', ALL)).toEqual(['w2', 'p1', 'r1']);
    expect(recipientsOf(NET, { kind: 'network' }, 'w1', (id) => id !== 'p1')).toEqual(['w2', 'r1']);
  });

  it('bootstrap: the one station, if it may be addressed', () => {
    expect(recipientsOf(NET, { kind: 'bootstrap', stationId: 'r1' }, 'w1', ALL)).toEqual(['r1']);
    expect(recipientsOf(NET, { kind: 'bootstrap', stationId: 'w3' }, 'w1', ALL)).toEqual([]);
    expect(recipientsOf(NET, { kind: 'bootstrap', stationId: 'w1' }, 'w1', ALL)).toEqual([]);
    expect(recipientsOf(NET, { kind: 'bootstrap', stationId: 'r1' }, 'w1', () => false)).toEqual([]);
  });
});
