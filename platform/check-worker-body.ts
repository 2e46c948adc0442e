/**
 * What the check Worker (entrypoints/check-worker.ts) does with the one file it is given: read it (whole when
 * it fits, in the pieces the sender posts when the sender reads it, in read-ahead windows when it is big), hash
 * and check it, the report first, the hash after. Kept apart from the entrypoint so tests run the same code.
 */
import { hashAndCheck } from '../lib/checks/hash-and-check';
import { READ_WHOLE_BYTES } from '../lib/checks/limits';
import type { CheckContext } from '../lib/checks/types';
import type { WorkerCheckReply, WorkerInbound } from '../lib/checks/worker-protocol';
import { serveEntry } from '../lib/checks/entry-helper';
import { ArrivingSource, blobSource, bytesSource, type ByteSource } from '../lib/formats/source';

export interface CheckWorkerScope {
  onmessage: ((e: MessageEvent<WorkerInbound>) => void) | null;
  postMessage(m: WorkerCheckReply, transfer?: Transferable[]): void;
}

const PROGRESS_EVERY_MS = 100;

/** `onFile`: the file to check has come (the Worker's warm-up gives way to it). */
export function serveCheck(scope: CheckWorkerScope, ctx: Omit<CheckContext, 'onProgress'> = {}, onFile?: () => void): void {
  let lastProgressAt = 0;
  let arriving: ArrivingSource | null = null;
  const progress = (fraction: number) => {
    const now = Date.now();
    if (now - lastProgressAt < PROGRESS_EVERY_MS && fraction < 1) return;
    lastProgressAt = now;
    scope.postMessage({ type: 'progress', fraction });
  };
  scope.onmessage = (e) => {
    const m = e.data;
    if (m.type === 'bytes') return arriving?.put(m.offset, new Uint8Array(m.bytes, 0, m.length ?? m.bytes.byteLength));
    if (m.type === 'bytes-failed') return arriving?.fail(new Error(m.message));
    onFile?.();
    if (m.type === 'entry') return serveEntry(scope, m);
    const { name, blob } = m;
    const inMemory = m.arriving || blob.size <= READ_WHOLE_BYTES;
    let source: Promise<ByteSource>;
    const pieces = m.arriving ? (arriving = new ArrivingSource(blob.size)) : null;
    if (pieces) source = Promise.resolve(pieces);
    else if (inMemory) source = blob.arrayBuffer().then((b) => bytesSource(new Uint8Array(b)));
    else source = Promise.resolve(blobSource(blob));
    source
      .then((s) => hashAndCheck(name, s, progress, ctx, { deferHash: inMemory, onReport: (report) => scope.postMessage({ type: 'report', report }) }))
      .then(
        ({ sha256, report }) => {
          // the pieces go back to the sender, whose next file is read into them (memory already in use is cheap)
          const buffers = pieces?.release() ?? [];
          scope.postMessage({ type: 'done', sha256, report, ...(buffers.length ? { buffers } : {}) }, buffers);
        },
        (err: unknown) => scope.postMessage({ type: 'failed', message: String(err) }),
      );
  };
}
