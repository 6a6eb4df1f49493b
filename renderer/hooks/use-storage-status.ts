import { useEffect, useState } from 'react';
import { storageStatus, type StorageStatus } from '../data/storage';

/** The browser's answer about persistence and space; undefined until it has answered. */
export function useStorageStatus(): StorageStatus | undefined {
  const [status, setStatus] = useState<StorageStatus>();
  useEffect(() => {
    let live = true;
    void storageStatus().then((s) => {
      if (live) setStatus(s);
    });
    return () => {
      live = false;
    };
  }, []);
  return status;
}
