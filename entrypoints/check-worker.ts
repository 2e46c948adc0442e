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
import { ENTRY_HELPER_NAME, helperFor, type HelperWorkerLike } from '../lib/checks/entry-helper';
import type { WorkerEntryReply } from '../lib/checks/worker-protocol';
import { CHECK_WORKER_PATH } from '../platform/isolated-check';

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
  serveCheck(self as unknown as CheckWorkerScope, { egissoLmsz: () => journalLmsz(journal), entryHelper: startHelper() }, () => warming.abort());
  if (self.name === ENTRY_HELPER_NAME) self.postMessage({ type: 'ready' } satisfies WorkerEntryReply);
});

/** A second Worker of this script for big archives' entries (lib/checks/entry-helper.ts); a helper starts none, nor does Firefox. */
const startHelper = () =>
  helperFor(self.name, () => new Worker(CHECK_WORKER_PATH, { name: ENTRY_HELPER_NAME }) as unknown as HelperWorkerLike, { gecko: import.meta.env.FIREFOX });
