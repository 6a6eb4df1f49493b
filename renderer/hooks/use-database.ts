import { useEffect, useState } from 'react';
import { getDb } from '../data/db';
import { openDatabase, type OpenResult } from '../data/recovery';

let opening: Promise<OpenResult> | null = null;

/** Opens the app's database once per page; undefined while it opens. */
export function useDatabase(): OpenResult | undefined {
  const [result, setResult] = useState<OpenResult>();
  useEffect(() => {
    let live = true;
    opening ??= openDatabase(getDb());
    void opening.then((r) => {
      if (live) setResult(r);
    });
    return () => {
      live = false;
    };
  }, []);
  return result;
}
