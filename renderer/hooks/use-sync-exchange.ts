import { useMemo } from 'react';
import { getDb } from '../data/db';
import {
  applyImport,
  exportBundle,
  planExport,
  previewImport,
  type ExportedBundle,
  type ExportPlan,
  type ExportProgress,
  type ExportRequest,
  type ImportResult,
  type PreviewResult,
  type VerifiedImport,
} from '../data/sync';

export interface SyncExchange {
  /** Verifies a bundle completely and says what it would change; a refusal is in the history. */
  preview(bytes: Uint8Array): Promise<PreviewResult>;
  /** Applies a verified bundle in one transaction. */
  apply(verified: VerifiedImport, confirmed: boolean): Promise<ImportResult>;
  /** What an export for these recipients would carry. */
  plan(request: ExportRequest): Promise<ExportPlan>;
  /** Writes the planned bundle, checks it and records it in the history. */
  write(plan: ExportPlan, onProgress: (progress: ExportProgress) => void): Promise<ExportedBundle>;
}

/** Import and export of bundles at this station. */
export function useSyncExchange(): SyncExchange {
  return useMemo(
    () => ({
      preview: (bytes) => previewImport(getDb(), bytes),
      apply: (verified, confirmed) => applyImport(getDb(), verified, { confirmed }),
      plan: (request) => planExport(getDb(), request),
      write: (plan, onProgress) => exportBundle(getDb(), plan, { onProgress }),
    }),
    [],
  );
}
