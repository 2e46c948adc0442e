/**
 * Chromium's offscreen document: runs the service worker's checks, each in its own Worker with a watchdog
 * (platform/check-and-record.ts), and records them in the journal. See platform/offscreen-checks.ts.
 */
import { browser } from 'wxt/browser';
import { briefOf, checkAndRecord, type RecordedBrief } from '../../platform/check-and-record';
import { PENDING_CACHE, type CheckProgressMessage, type RunCheckMessage, type UploadVerdictReadyMessage } from '../../platform/offscreen-checks';
import { earlyUploadVerdict } from '../../platform/upload-check';
import { prewarmWorker } from '../../platform/isolated-check';

prewarmWorker();

browser.runtime.onMessage.addListener((msg: unknown, sender) => {
  const m = msg as Partial<RunCheckMessage> | null;
  if (sender.id !== browser.runtime.id || m?.target !== 'offscreen' || m.type !== 'run-check' || !m.key || !m.runningKey || !m.sighting) return undefined;
  return run(m.key, m.runningKey, m.sighting, m.upload);
});

async function run(key: string, runningKey: string, sighting: RunCheckMessage['sighting'], upload: RunCheckMessage['upload']): Promise<RecordedBrief | undefined> {
  const cache = await caches.open(PENDING_CACHE);
  const response = await cache.match(key);
  if (!response) return undefined;
  const blob = await response.blob();
  let last = 0;
  const progress = (fraction: number) => {
    const now = Date.now();
    if (now - last < 200 && fraction < 1) return;
    last = now;
    const p: CheckProgressMessage = { type: 'check-progress', key, fraction };
    void browser.runtime.sendMessage(p).catch(() => undefined);
  };
  const early =
    upload &&
    earlyUploadVerdict(sighting.fileName, upload.expect, (notice) => {
      const m: UploadVerdictReadyMessage = { type: 'upload-verdict-ready', key, notice };
      void browser.runtime.sendMessage(m).catch(() => undefined);
    });
  const brief = briefOf(await checkAndRecord(blob, sighting, progress, undefined, early, runningKey));
  // the worker that handed the file over may be gone: the file is not kept past its check
  await cache.delete(key);
  return brief;
}
