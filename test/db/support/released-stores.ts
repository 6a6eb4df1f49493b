/**
 * The stores of released database versions, as they were: upgrade tests open a database at one
 * of these and let the current ZonelinkDb upgrade it. Written out here on purpose, never derived
 * from renderer/data/db.ts, so a changed release shows up as a failing upgrade test.
 */
export const V3_STORES = {
  settings: '&key',
  rosters: '&version',
  people: 'id, zoneId, personnelNumber',
  ops: '[origin+stream+seq], [table+rowId]',
  heldOps: '[origin+stream+seq]',
  rowStates: '[table+rowId], *flags',
  acks: '[origin+stream]',
  peers: 'stationId',
  forkAlarms: 'key',
  syncMeta: 'key',
  testRecords: 'id',
  stationKeys: 'station',
  adminKeys: 'person',
  legacyRosters: '&version',
  rosterForks: 'dropped',
  segments: 'signature',
  opSegments: 'hash',
  importedBundles: 'bundle',
  syncHistory: 'id, at',
} as const;

export const V4_STORES = { ...V3_STORES, syncHistory: 'id, at, bundle' } as const;

const { opSegments: _opSegments, ...V4_KEPT } = V4_STORES;
export const V5_STORES = { ...V4_KEPT, ops: '[origin+stream+seq]', segments: 'signature, origin' } as const;
