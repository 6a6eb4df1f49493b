/**
 * The sync Worker (decision 0046): bundle import and export off the page's main thread. It opens
 * the same Dexie database as the page (Dexie tells the page's live queries about its writes) and
 * answers the requests of sync-client.ts. A verified import and a planned export stay here under
 * a handle; only their summaries cross to the page.
 */
import { DomainError } from '../../domain/errors';
import type { Compression } from '../../sync/bundle/format';
import { DB_NAME, getDb, ZonelinkDb } from '../db';
import { exportBundle, planExport, type ExportedBundle, type ExportPlan, type ExportProgress, type ExportRequest, type ExportSummary } from './export';
import { applyImport, importBundle, previewImport, type ImportRefusal, type ImportResult, type ImportSummary, type VerifiedImport } from './import';

/** The import options that can cross to the Worker (the clock stays the Worker's own). */
export interface WorkerImportOptions {
  passphrase?: string;
}

/** The export options that can cross to the Worker; progress comes back as messages. */
export interface WorkerExportOptions {
  passphrase?: string;
  chunkSize?: number;
  compression?: Compression;
}

/** A verified bundle as the page sees it: its summary and the handle of what the Worker keeps. */
export type WorkerPreview = { status: 'verified'; handle: string; summary: ImportSummary } | ImportRefusal;

/** A planned export as the page sees it: its summary and the handle of the ops the Worker keeps. */
export interface WorkerPlan {
  handle: string;
  summary: ExportSummary;
}

export type SyncCall =
  | { op: 'preview'; bytes: Uint8Array; options: WorkerImportOptions }
  | { op: 'apply'; handle: string; confirmed: boolean }
  | { op: 'import'; bytes: Uint8Array; options: WorkerImportOptions & { confirmed?: boolean } }
  | { op: 'plan'; request: ExportRequest }
  | { op: 'export'; plan: string | ExportRequest; options: WorkerExportOptions; progress: boolean }
  | { op: 'discard'; handle: string };

/** What each call answers. */
export interface SyncAnswers {
  preview: WorkerPreview;
  apply: ImportResult;
  import: ImportResult;
  plan: WorkerPlan;
  export: ExportedBundle;
  discard: boolean;
}

/** A request names the database (by name) it works on; the app's own when absent. */
export type SyncRequest = SyncCall & { id: number; database?: string };

/** An error as it crosses: a DomainError keeps its code and params so the page can translate it. */
export type SyncFailure = { kind: 'domain'; code: string; params: Record<string, string | number> } | { kind: 'error'; name: string; message: string };

export type SyncResponse =
  | { id: number; ok: true; value: SyncAnswers[SyncCall['op']] }
  | { id: number; ok: false; error: SyncFailure }
  | { id: number; progress: ExportProgress };

/** The Worker's side of the message channel (the Worker's global scope, or a test's fake). */
export interface SyncPort {
  postMessage(message: SyncResponse, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

export function toFailure(error: unknown): SyncFailure {
  if (error instanceof DomainError) return { kind: 'domain', code: error.code, params: error.params };
  if (error instanceof Error) return { kind: 'error', name: error.name, message: error.message };
  return { kind: 'error', name: 'Error', message: String(error) };
}

const OPS = new Set<string>(['preview', 'apply', 'import', 'plan', 'export', 'discard']);

/** Checks the shape of what arrives at the seam; the data layer checks the content. */
function asRequest(data: unknown): SyncRequest | null {
  if (typeof data !== 'object' || data === null) return null;
  const r = data as Partial<SyncRequest> & Record<string, unknown>;
  if (typeof r.id !== 'number' || typeof r.op !== 'string' || !OPS.has(r.op)) return null;
  if (r.database !== undefined && typeof r.database !== 'string') return null;
  if ((r.op === 'preview' || r.op === 'import') && !(r.bytes instanceof Uint8Array)) return null;
  if ((r.op === 'apply' || r.op === 'discard') && typeof r.handle !== 'string') return null;
  return r as SyncRequest;
}

/** Whole-buffer bytes can be transferred; a view into a larger buffer is copied out first. */
function transferable(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}

/**
 * Serves sync requests on `port`. `openDb` gives the database of a name (the app's by default);
 * the Node tests pass their fake-indexeddb databases.
 */
export function serveSync(port: SyncPort, openDb: (name: string) => ZonelinkDb = openByName): void {
  const previews = new Map<string, { database: string; verified: VerifiedImport }>();
  const plans = new Map<string, { database: string; plan: ExportPlan }>();

  const keep = <T>(map: Map<string, { database: string } & T>, database: string, value: T): string => {
    const handle = crypto.randomUUID();
    map.set(handle, { database, ...value });
    return handle;
  };
  const take = <T extends { database: string }>(map: Map<string, T>, handle: string, database: string): T => {
    const kept = map.get(handle);
    // A handle the page did not get from this Worker is a programming error, not a clerk's.
    if (!kept || kept.database !== database) throw new Error(`sync worker: no verified bundle or plan ${handle}`);
    return kept;
  };

  async function answer(request: SyncRequest, transfer: Transferable[]): Promise<SyncAnswers[SyncCall['op']]> {
    const database = request.database ?? DB_NAME;
    const db = openDb(database);
    switch (request.op) {
      case 'preview': {
        const preview = await previewImport(db, request.bytes, request.options);
        if (preview.status !== 'verified') return preview;
        return { status: 'verified', handle: keep(previews, database, { verified: preview.verified }), summary: preview.verified.summary };
      }
      case 'apply': {
        const { verified } = take(previews, request.handle, database);
        const result = await applyImport(db, verified, { confirmed: request.confirmed });
        if (result.status !== 'needsConfirmation') previews.delete(request.handle);
        return result;
      }
      case 'import':
        return importBundle(db, request.bytes, request.options);
      case 'plan': {
        const plan = await planExport(db, request.request);
        return { handle: keep(plans, database, { plan }), summary: plan.summary };
      }
      case 'export': {
        const plan = typeof request.plan === 'string' ? take(plans, request.plan, database).plan : await planExport(db, request.plan);
        const onProgress = request.progress ? (progress: ExportProgress) => port.postMessage({ id: request.id, progress }, []) : undefined;
        const exported = await exportBundle(db, plan, { ...request.options, onProgress });
        if (typeof request.plan === 'string') plans.delete(request.plan);
        const bytes = transferable(exported.bytes);
        transfer.push(bytes.buffer);
        return { ...exported, bytes };
      }
      case 'discard':
        return previews.delete(request.handle) || plans.delete(request.handle);
    }
  }

  port.addEventListener('message', (event) => {
    const request = asRequest(event.data);
    if (!request) {
      const id = typeof (event.data as { id?: unknown } | null)?.id === 'number' ? (event.data as { id: number }).id : -1;
      port.postMessage({ id, ok: false, error: { kind: 'error', name: 'TypeError', message: 'sync worker: malformed request' } }, []);
      return;
    }
    const transfer: Transferable[] = [];
    answer(request, transfer).then(
      (value) => port.postMessage({ id: request.id, ok: true, value }, transfer),
      (error: unknown) => port.postMessage({ id: request.id, ok: false, error: toFailure(error) }, []),
    );
  });
}

const databases = new Map<string, ZonelinkDb>();

function openByName(name: string): ZonelinkDb {
  if (name === DB_NAME) return getDb();
  let db = databases.get(name);
  if (!db) databases.set(name, (db = new ZonelinkDb(name)));
  return db;
}

// Started as a Worker: serve on its global scope. Imported by a test in Node: do nothing.
declare const WorkerGlobalScope: (abstract new () => unknown) | undefined;
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) serveSync(self as unknown as SyncPort);
