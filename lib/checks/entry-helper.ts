/**
 * A check Worker's helper for archives: a second Worker of the same script that checks some of an archive's
 * entries while the first checks the others (lib/checks/archive-entry.ts). A browser inflates on the thread
 * that asks (`DecompressionStream`), so one Worker inflates and counts a big archive's entries one after the
 * other; with two, a machine with a free core does it in about half the time. Started inside the check
 * Worker (the extension's and the userscript's; not in Firefox, see helperFor), it ends with it: a check stopped by its watchdog takes its
 * helper along. Only the messages are here; the Worker itself is started by the caller (`helperFor`).
 */
import { checkPackedEntry, type ArchiveEntryHelper, type EntryOutcome } from './archive-entry';
import type { WorkerEntryReply, WorkerEntryRequest } from './worker-protocol';

/** What the helper needs of a Worker (a test passes its own). */
export interface HelperWorkerLike {
  postMessage(message: WorkerEntryRequest, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerEntryReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** The name a helper Worker is started under, so that it does not start a helper of its own. */
export const ENTRY_HELPER_NAME = 'sverka-entry-helper';

/**
 * Entries go to `worker` one at a time (the lane in lib waits for each) once it has said `ready`; once the
 * Worker fails, every entry waiting and every later one is refused, and lib checks them in place.
 */
export function workerEntryHelper(worker: HelperWorkerLike): ArchiveEntryHelper {
  const waiting = new Map<number, { resolve: (o: EntryOutcome) => void; reject: (e: Error) => void }>();
  let lastId = 0;
  let broken: Error | null = null;
  const breakAll = (err: Error) => {
    broken = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.onerror = (e) => {
    e.preventDefault?.();
    breakAll(new Error(`the entry helper failed: ${e.message}`));
  };
  let saidReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (saidReady = resolve));
  worker.onmessage = (e) => {
    const m = e.data;
    if (m.type === 'ready') return saidReady();
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.type === 'entry-done') w.resolve(m.outcome);
    else w.reject(new Error(m.message));
  };
  return {
    ready,
    check(packed, countRecords) {
      if (broken) return Promise.reject(broken);
      const id = ++lastId;
      return new Promise<EntryOutcome>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        // the bytes are the entry's own copy (cutEntry): moved, not copied again
        const bytes = packed.bytes.byteOffset === 0 && packed.bytes.byteLength === packed.bytes.buffer.byteLength ? packed.bytes.buffer : packed.bytes.slice().buffer;
        try {
          worker.postMessage({ type: 'entry', id, bytes: bytes as ArrayBuffer, entry: packed.entry, countRecords }, [bytes as ArrayBuffer]);
        } catch (err) {
          waiting.delete(id);
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    },
  };
}

/** Where the check Worker runs: Gecko (Firefox) starts no helper, see `helperFor`. */
export interface HelperHost {
  gecko: boolean;
}

/**
 * The helper of a Worker named `ownName`, started by `start` (a Worker of the same script, named ENTRY_HELPER_NAME);
 * none in a helper itself, where a Worker cannot be started, or in Firefox. Gecko builds a Worker started inside a
 * Worker on the starting Worker's own thread, waiting for the main thread: in Firefox ESR 153 that start never
 * returned in 3 of 27 e2e runs here and in one CI run, and the check Worker sat blocked until its watchdog called a
 * sound file «слишком сложный» (stop 24). Firefox met the upload target without a helper (stop 22: 564–647 ms, target 640–684).
 */
export function helperFor(ownName: string, start: () => HelperWorkerLike, host: HelperHost): ArchiveEntryHelper | undefined {
  if (ownName === ENTRY_HELPER_NAME || host.gecko) return undefined;
  try {
    return workerEntryHelper(start());
  } catch {
    return undefined;
  }
}

/** The helper's side: checks the entry it was handed and answers under the same id. */
export function serveEntry(scope: { postMessage(m: WorkerEntryReply): void }, m: WorkerEntryRequest): void {
  checkPackedEntry({ bytes: new Uint8Array(m.bytes), entry: m.entry }, m.countRecords).then(
    (outcome) => scope.postMessage({ type: 'entry-done', id: m.id, outcome }),
    (err: unknown) => scope.postMessage({ type: 'entry-failed', id: m.id, message: String(err) }),
  );
}
