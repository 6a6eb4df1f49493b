import type { NetworkDefinition } from './network';

/**
 * Who an export is for (ADR 0052): the stations of one zone, of several zones, of the whole
 * network, or one station to set up with a full bundle. Only active stations other than this
 * one that can receive bundles (their keys are in the roster, they are not revoked) are addressed.
 */
export type RecipientChoice =
  | { kind: 'zone'; zoneId: string }
  | { kind: 'zones'; zoneIds: readonly string[] }
  | { kind: 'network' }
  | { kind: 'bootstrap'; stationId: string };

export function recipientsOf(network: NetworkDefinition, choice: RecipientChoice, selfId: string, mayReceive: (stationId: string) => boolean): string[] {
  const addressable = network.stations.filter((s) => s.active && s.id !== selfId && mayReceive(s.id));
  switch (choice.kind) {
    case 'network':
      return addressable.map((s) => s.id);
    case 'zone':
      return addressable.filter((s) => s.zoneId === choice.zoneId).map((s) => s.id);
    case 'zones':
      return addressable.filter((s) => choice.zoneIds.includes(s.zoneId)).map((s) => s.id);
    case 'bootstrap':
      return addressable.filter((s) => s.id === choice.stationId).map((s) => s.id);
  }
}
