import { useCallback } from 'react';
import { exportReadableData, type RecoveryExport } from '../data/recovery';

/** Reads what can still be read from the database, as one JSON-ready object. */
export function useRecoveryExport(): () => Promise<RecoveryExport> {
  return useCallback(() => exportReadableData(new Date()), []);
}
