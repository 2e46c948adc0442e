/**
 * The dedicated Worker one check runs in (/check-worker.js): bytes in, hash + report out, progress on the
 * way. Whoever started it ends it when the watchdog fires, so a file that hangs a parser never blocks the next.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { hashAndCheck } from '../lib/checks/hash-and-check';
import { blobSource, bytesSource } from '../lib/formats/source';
import { READ_WHOLE_BYTES } from '../lib/checks/limits';
import { WARM_UP_FILE } from '../lib/checks/warm-up';
import type { WorkerCheckReply, WorkerCheckRequest } from '../lib/checks/worker-protocol';
import { journal } from '../platform/journal';
import { journalLmsz } from '../platform/journal-lmsz';

export default defineUnlistedScript(() => {
  type WorkerReport = Extract<WorkerCheckReply, { type: 'report' }>['report'];
  const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerCheckRequest>) => void) | null; postMessage: (m: WorkerCheckReply) => void };
  let lastProgressAt = 0;
  // started ahead of need: compile the check code on a file of our own before the official's arrives
  void hashAndCheck(WARM_UP_FILE.name, bytesSource(new TextEncoder().encode(WARM_UP_FILE.text))).catch(() => undefined);
  scope.onmessage = (e) => {
    const { name, blob } = e.data;
    const progress = (fraction: number) => {
      const now = Date.now();
      if (now - lastProgressAt < 100 && fraction < 1) return;
      lastProgressAt = now;
      scope.postMessage({ type: 'progress', fraction });
    };
    const whole = blob.size <= READ_WHOLE_BYTES;
    const source = whole ? blob.arrayBuffer().then((b) => bytesSource(new Uint8Array(b))) : Promise.resolve(blobSource(blob));
    // the journal is this extension origin's, open to its Workers too (ЕГИССО rules 014/019 read it)
    const ctx = { egissoLmsz: () => journalLmsz(journal) };
    const early = { deferHash: whole, onReport: (report: WorkerReport) => scope.postMessage({ type: 'report', report }) };
    source
      .then((s) => hashAndCheck(name, s, progress, ctx, early))
      .then(
        ({ sha256, report }) => scope.postMessage({ type: 'done', sha256, report }),
        (err: unknown) => scope.postMessage({ type: 'failed', message: String(err) }),
      );
  };
});
