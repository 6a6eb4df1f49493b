import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../../renderer/domain/errors';
import { createSyncClient, fromFailure, listSyncHistory, type SyncWorker } from '../../../renderer/data/sync';
import { serveSync, toFailure, type SyncPort, type SyncRequest, type SyncResponse } from '../../../renderer/data/sync/sync-worker';
import type { ZonelinkDb } from '../../../renderer/data/db';
import { setUpNetwork, type SyncNetwork } from '../../db/sync/support';

/** A page-side Worker whose other end is a script-controlled fake; records what was posted. */
class ScriptedWorker extends EventTarget implements SyncWorker {
  posted: SyncRequest[] = [];
  terminated = false;
  postMessage(message: SyncRequest): void {
    this.posted.push(structuredClone(message));
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(response: SyncResponse): void {
    this.dispatchEvent(new MessageEvent('message', { data: structuredClone(response) }));
  }
}

/** A Worker whose other end is serveSync over the given databases, with messages cloned both ways. */
function servedWorker(dbs: ZonelinkDb[], transferred: Transferable[] = []): SyncWorker {
  const page = new EventTarget();
  const inside = new EventTarget();
  const port: SyncPort = {
    postMessage: (message, transfer) => {
      transferred.push(...transfer);
      const data = structuredClone(message, { transfer });
      setTimeout(() => page.dispatchEvent(new MessageEvent('message', { data })));
    },
    addEventListener: (type, listener) => inside.addEventListener(type, listener as EventListener),
  };
  serveSync(port, (name) => dbs.find((db) => db.name === name)!);
  return {
    postMessage: (message: unknown) => {
      const data = structuredClone(message);
      setTimeout(() => inside.dispatchEvent(new MessageEvent('message', { data })));
    },
    addEventListener: page.addEventListener.bind(page),
    terminate: () => undefined,
  } as SyncWorker;
}

describe('request and response matching', () => {
  it('answers that arrive out of order resolve the request they belong to; progress goes to its own caller', async () => {
    const worker = new ScriptedWorker();
    const client = createSyncClient({ createWorker: () => worker, database: 'station-x' });
    const progressA = vi.fn();
    const progressB = vi.fn();
    const a = client.exportBundle({ recipients: ['s1'] }, { onProgress: progressA });
    const b = client.exportBundle({ recipients: ['s2'] }, { onProgress: progressB });
    const [ra, rb] = worker.posted;
    expect(ra).toMatchObject({ op: 'export', plan: { recipients: ['s1'] }, database: 'station-x', progress: true });
    expect(rb!.id).not.toBe(ra!.id);
    worker.answer({ id: rb!.id, progress: { phase: 'signing', done: 1, total: 2 } });
    const bundle = (name: string) => ({ bytes: new Uint8Array([1]), fileName: name, bundle: name, summary: {} });
    worker.answer({ id: rb!.id, ok: true, value: bundle('b') as never });
    worker.answer({ id: ra!.id, ok: true, value: bundle('a') as never });
    expect((await a).fileName).toBe('a');
    expect((await b).fileName).toBe('b');
    expect(progressA).not.toHaveBeenCalled();
    expect(progressB).toHaveBeenCalledWith({ phase: 'signing', done: 1, total: 2 });
  });

  it('a Worker crash rejects every pending request with a clear error, and the next request starts a new Worker', async () => {
    const workers: ScriptedWorker[] = [];
    const client = createSyncClient({ createWorker: () => (workers.push(new ScriptedWorker()), workers.at(-1)!) });
    const pending = [client.plan({ recipients: ['s1'] }), client.preview(new Uint8Array([1, 2]))];
    workers[0]!.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'Uncaught RangeError: out of memory' }));
    for (const p of pending) await expect(p).rejects.toThrow('sync worker stopped: Uncaught RangeError: out of memory');
    expect(workers[0]!.terminated).toBe(true);
    const next = client.discard('h');
    expect(workers).toHaveLength(2);
    workers[1]!.answer({ id: workers[1]!.posted[0]!.id, ok: true, value: false });
    expect(await next).toBe(false);
  });
});

describe('error mapping', () => {
  it('a DomainError crosses with its code and params; other errors keep their name and message', () => {
    const domain = fromFailure(structuredClone(toFailure(new DomainError('bundle.recipientUnknown', { station: 'st-9' }))));
    expect(domain).toBeInstanceOf(DomainError);
    expect(domain).toMatchObject({ code: 'bundle.recipientUnknown', params: { station: 'st-9' } });
    const other = fromFailure(structuredClone(toFailure(new TypeError('bad'))));
    expect(other).not.toBeInstanceOf(DomainError);
    expect(other).toMatchObject({ name: 'TypeError', message: 'bad' });
    expect(fromFailure(toFailure('thrown string'))).toMatchObject({ name: 'Error', message: 'thrown string' });
  });

  it('the Worker answers a malformed request with an error for its id', async () => {
    const answers: SyncResponse[] = [];
    const inside = new EventTarget();
    serveSync({ postMessage: (m) => answers.push(m), addEventListener: (t, l) => inside.addEventListener(t, l as EventListener) }, () => {
      throw new Error('no database should be opened');
    });
    inside.dispatchEvent(new MessageEvent('message', { data: { id: 7, op: 'preview', bytes: 'not bytes' } }));
    inside.dispatchEvent(new MessageEvent('message', { data: { id: 8, op: 'format disk' } }));
    expect(answers).toEqual([
      { id: 7, ok: false, error: { kind: 'error', name: 'TypeError', message: 'sync worker: malformed request' } },
      { id: 8, ok: false, error: { kind: 'error', name: 'TypeError', message: 'sync worker: malformed request' } },
    ]);
  });
});

describe('import and export through the Worker protocol', () => {
  let net: SyncNetwork;
  beforeAll(async () => {
    net = await setUpNetwork(['B']);
  });

  it('plan, export with progress and transferred bytes, preview, apply by handle; a rule broken in the Worker is a DomainError on the page', async () => {
    const { A, B } = net.stations;
    const transferred: Transferable[] = [];
    const a = createSyncClient({ createWorker: () => servedWorker([A.db], transferred), database: A.db.name });
    const b = createSyncClient({ createWorker: () => servedWorker([B.db]), database: B.db.name });

    await expect(a.plan({ recipients: [] })).rejects.toMatchObject({ name: 'DomainError', code: 'bundle.noRecipient' });
    await expect(a.plan({ recipients: ['nobody'] })).rejects.toMatchObject({ code: 'bundle.recipientUnknown', params: { station: 'nobody' } });

    const plan = await a.plan({ recipients: [B.id], bootstrap: true });
    expect(plan.summary.ops).toBeGreaterThan(0);
    expect(plan).not.toHaveProperty('ops');
    const progress: string[] = [];
    const exported = await a.exportBundle(plan.handle, { onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`) });
    expect(progress[0]).toBe(`signing 0/${plan.summary.ops}`);
    expect(progress.at(-1)).toBe('checking 1/1');
    expect(exported.summary).toEqual(plan.summary);
    expect(transferred).toHaveLength(1);
    expect(transferred[0]).toBeInstanceOf(ArrayBuffer);
    expect((transferred[0] as ArrayBuffer).byteLength).toBe(0); // detached: moved, not copied
    await expect(a.exportBundle(plan.handle)).rejects.toThrow(`no verified bundle or plan ${plan.handle}`);

    const preview = await b.preview(exported.bytes);
    if (preview.status !== 'verified') throw new Error(`refused: ${preview.reason}`);
    expect(preview).not.toHaveProperty('verified');
    expect(preview.summary).toMatchObject({ sender: A.id, recipients: [B.id], ops: plan.summary.ops });
    const applied = await b.apply(preview.handle);
    expect(applied).toMatchObject({ status: 'imported', counts: { carried: plan.summary.ops } });
    await expect(b.apply(preview.handle)).rejects.toThrow('no verified bundle or plan');
    expect(await b.importBundle(exported.bytes)).toEqual({ status: 'alreadyImported', bundle: exported.bundle });
    expect(await b.preview(new TextEncoder().encode('not a bundle'))).toMatchObject({ status: 'refused', reason: 'notBundle' });
    expect((await listSyncHistory(B.db)).map((h) => h.outcome)).toEqual(['refused', 'imported']);
  });

  it('an abandoned preview can be discarded once', async () => {
    const { A, B } = net.stations;
    const a = createSyncClient({ createWorker: () => servedWorker([A.db]), database: A.db.name });
    const b = createSyncClient({ createWorker: () => servedWorker([B.db]), database: B.db.name });
    const { bytes } = await a.exportBundle({ recipients: [B.id], bootstrap: true });
    const preview = await b.preview(bytes);
    if (preview.status !== 'verified') throw new Error(`refused: ${preview.reason}`);
    expect(await b.discard(preview.handle)).toBe(true);
    expect(await b.discard(preview.handle)).toBe(false);
  });
});
