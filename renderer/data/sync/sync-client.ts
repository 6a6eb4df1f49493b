/**
 * The page's side of the sync Worker (decision 0046): the import and export functions of this
 * folder, run in one lazily started Worker. Requests are matched to answers by id; a
 * DomainError thrown in the Worker is thrown here again with its code and params; a Worker that
 * dies rejects every pending request and the next request starts a new one.
 */
import { DomainError } from '../../domain/errors';
import type { ExportedBundle, ExportProgress, ExportRequest } from './export';
import type { ImportResult } from './import';
import type { SyncAnswers, SyncCall, SyncFailure, SyncRequest, SyncResponse, WorkerExportOptions, WorkerImportOptions, WorkerPlan, WorkerPreview } from './sync-worker';

export type { WorkerExportOptions, WorkerImportOptions, WorkerPlan, WorkerPreview } from './sync-worker';

/** What the client needs of a Worker (a test passes a fake). */
export type SyncWorker = Pick<Worker, 'postMessage' | 'addEventListener' | 'terminate'>;

export interface SyncClientOptions {
  /** Starts the Worker; the app's bundled sync-worker by default. The bench passes its own. */
  createWorker?: () => SyncWorker;
  /** The database the Worker works on, by name; the app's by default. */
  database?: string;
}

export interface SyncClient {
  /** previewImport in the Worker: the summary, and a handle to apply or discard the verified bundle. */
  preview(bytes: Uint8Array, options?: WorkerImportOptions): Promise<WorkerPreview>;
  /** applyImport of a previewed bundle; the handle stays valid while the answer is needsConfirmation. */
  apply(handle: string, options?: { confirmed?: boolean }): Promise<ImportResult>;
  /** importBundle in the Worker. */
  importBundle(bytes: Uint8Array, options?: WorkerImportOptions & { confirmed?: boolean }): Promise<ImportResult>;
  /** planExport in the Worker: the summary, and a handle to export the planned ops. */
  plan(request: ExportRequest): Promise<WorkerPlan>;
  /** exportBundle of a plan's handle (or of a new plan for `request`); the bytes are transferred. */
  exportBundle(plan: string | ExportRequest, options?: WorkerExportOptions & { onProgress?: (progress: ExportProgress) => void }): Promise<ExportedBundle>;
  /** Forgets a preview or plan the person abandoned; false when the handle was not there. */
  discard(handle: string): Promise<boolean>;
  /** Stops the Worker; pending requests are rejected. */
  terminate(): void;
}

/** The error a failure from the Worker becomes on the page. */
export function fromFailure(failure: SyncFailure): Error {
  if (failure.kind === 'domain') return new DomainError(failure.code, failure.params);
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: ExportProgress) => void;
}

const bundledWorker = (): SyncWorker => new Worker(new URL('./sync-worker.ts', import.meta.url), { type: 'module', name: 'zonelink-sync' });

export function createSyncClient({ createWorker = bundledWorker, database }: SyncClientOptions = {}): SyncClient {
  let worker: SyncWorker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const stop = (reason: Error) => {
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(reason);
  };

  const started = (): SyncWorker => {
    if (worker) return worker;
    const w = createWorker();
    w.addEventListener('message', (event: MessageEvent<SyncResponse>) => {
      const response = event.data;
      const p = pending.get(response.id);
      if (!p) return;
      if ('progress' in response) return p.onProgress?.(response.progress);
      pending.delete(response.id);
      if (response.ok) p.resolve(response.value as never);
      else p.reject(fromFailure(response.error));
    });
    w.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      stop(new Error(`sync worker stopped: ${event.message || 'it could not start or crashed'}`));
    });
    w.addEventListener('messageerror', () => stop(new Error('sync worker stopped: a message could not be read')));
    worker = w;
    return w;
  };

  function call<K extends SyncCall['op']>(request: Extract<SyncCall, { op: K }>, onProgress?: (progress: ExportProgress) => void): Promise<SyncAnswers[K]> {
    const w = started();
    const id = nextId++;
    return new Promise<SyncAnswers[K]>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: never) => void, reject, onProgress });
      const message: SyncRequest = { ...request, id, database };
      // The caller keeps its bytes (to retry or to save), so they are copied, not transferred.
      w.postMessage(message);
    });
  }

  return {
    preview: (bytes, options = {}) => call({ op: 'preview', bytes, options }),
    apply: (handle, { confirmed = false } = {}) => call({ op: 'apply', handle, confirmed }),
    importBundle: (bytes, options = {}) => call({ op: 'import', bytes, options }),
    plan: (request) => call({ op: 'plan', request }),
    exportBundle: (plan, { onProgress, ...options } = {}) => call({ op: 'export', plan, options, progress: onProgress !== undefined }, onProgress),
    discard: (handle) => call({ op: 'discard', handle }),
    terminate: () => stop(new Error('sync worker stopped: terminated')),
  };
}

let appClient: SyncClient | null = null;

/** The app's sync client: one Worker on the app's database, started at the first request. */
export function syncClient(): SyncClient {
  appClient ??= createSyncClient();
  return appClient;
}
