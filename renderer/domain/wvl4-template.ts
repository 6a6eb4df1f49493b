import type { NetworkDefinition } from './network';

/**
 * The embedded default network: WVL4, four local police zones of West Flanders cooperating since
 * 2018 (facts from shared/reference/wvl4-network.json). An administrator can edit all of it.
 */
export const WVL4_TEMPLATE = {
  name: 'WVL4',
  zones: [
    {
      key: 'westkust',
      name: 'PZ Westkust',
      municipalities: ['De Panne', 'Koksijde', 'Nieuwpoort'],
      stations: ['Centraal Politiehuis Koksijde', 'Post De Panne', 'Post Nieuwpoort'],
    },
    {
      key: 'polder',
      name: 'PZ Polder',
      municipalities: ['Diksmuide', 'Koekelare', 'Kortemark', 'Houthulst'],
      stations: ['Hoofdcommissariaat Diksmuide', 'Wijkpost Koekelare', 'Wijkpost Kortemark', 'Wijkpost Houthulst'],
    },
    {
      key: 'riho',
      name: 'PZ RIHO',
      municipalities: ['Roeselare', 'Izegem', 'Hooglede'],
      stations: ['Hoofdcommissariaat Roeselare', 'Post Izegem', 'Post Hooglede'],
    },
    {
      key: 'vlas',
      name: 'PZ VLAS',
      municipalities: ['Kortrijk', 'Kuurne', 'Lendelede'],
      stations: ['Hoofdcommissariaat Kortrijk', 'Post Kuurne', 'Post Lendelede'],
    },
  ],
} as const;

/** Builds the network from the template; ids come from the caller so this stays pure. */
export function networkFromTemplate(newId: () => string): NetworkDefinition {
  const zones = WVL4_TEMPLATE.zones.map((z) => ({
    id: newId(),
    key: z.key,
    name: z.name,
    municipalities: [...z.municipalities],
    active: true,
    mergedInto: null,
  }));
  const stations = WVL4_TEMPLATE.zones.flatMap((z, i) =>
    z.stations.map((name) => ({ id: newId(), zoneId: zones[i]!.id, name, active: true })),
  );
  return { id: newId(), name: WVL4_TEMPLATE.name, zones, stations };
}
