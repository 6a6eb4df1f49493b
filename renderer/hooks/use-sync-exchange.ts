import { syncClient, type SyncClient } from '../data/sync';

/**
 * Import and export of bundles at this station, run in the sync Worker (decision 0046) so the
 * page stays responsive: verified bundles and planned exports stay in the Worker behind a handle.
 */
export function useSyncExchange(): Pick<SyncClient, 'preview' | 'apply' | 'plan' | 'exportBundle' | 'discard'> {
  return syncClient();
}
