/**
 * The dedicated Worker one check runs in (/check-worker.js): bytes in, hash + report out, progress on the
 * way (platform/check-worker-body.ts). Whoever started it ends it when the watchdog fires, so a file that
 * hangs a parser never blocks the next.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { hashAndCheck } from '../lib/checks/hash-and-check';
import { bytesSource } from '../lib/formats/source';
import { WARM_UP_FILE, warmUpArchive } from '../lib/checks/warm-up';
import { serveCheck, type CheckWorkerScope } from '../platform/check-worker-body';
import { journal } from '../platform/journal';
import { journalLmsz } from '../platform/journal-lmsz';

export default defineUnlistedScript(() => {
  // started ahead of need: compile the check code on files of our own before the official's arrives; stopped
  // when that file comes (both would share this thread)
  const warming = new AbortController();
  void hashAndCheck(WARM_UP_FILE.name, bytesSource(new TextEncoder().encode(WARM_UP_FILE.text)))
    .then(() => {
      if (warming.signal.aborted) return;
      const archive = warmUpArchive();
      return hashAndCheck(archive.name, bytesSource(archive.bytes), undefined, { signal: warming.signal }, { deferHash: true });
    })
    .catch(() => undefined);
  // the journal is this extension origin's, open to its Workers too (ЕГИССО rules 014/019 read it)
  serveCheck(self as unknown as CheckWorkerScope, { egissoLmsz: () => journalLmsz(journal) }, () => warming.abort());
});
