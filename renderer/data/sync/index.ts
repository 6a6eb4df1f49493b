/**
 * The sync layer's data API (decisions 0040-0049): import and export of bundles, joining a
 * network, and the queries the sync screens show. The screens call these through the Worker
 * client (./sync-client.ts, decision 0046); Node tests call them directly.
 */
export { applyImport, importBundle, previewImport } from './import';
export type { ImportOptions, ImportRefusal, ImportResult, ImportSummary, PreviewResult, VerifiedImport } from './import';
export { bundleFileName, exportBundle, planExport } from './export';
export type { ExportedBundle, ExportOptions, ExportPlan, ExportProgress, ExportRequest, ExportSummary } from './export';
export { exportRoster, joinNetwork, networkFingerprint, prepareStationKeys } from './join';
export { deletableOwnFiles, peerAcks } from './cleanup';
export type { OwnFolderFile } from './cleanup';
export { isImported, listRosterForks, listSyncHistory, peerStaleness, refusalOf } from './history';
export type { HistoryCounts, RosterForkRow, SyncHistoryRow } from './stores';
export { createSyncClient, fromFailure, syncClient } from './sync-client';
export type { SyncClient, SyncClientOptions, SyncWorker, WorkerExportOptions, WorkerImportOptions, WorkerPlan, WorkerPreview } from './sync-client';
