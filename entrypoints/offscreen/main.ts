/**
 * Chromium's offscreen document: runs the service worker's checks, each in its own Worker with a watchdog
 * (platform/check-and-record.ts), and records them in the journal. See platform/offscreen-checks.ts.
 */
import { browser } from 'wxt/browser';
import { briefOf, checkAndRecord, type RecordedBrief } from '../../platform/check-and-record';
import { HANDOFF_MISSING, PENDING_CACHE, type CheckProgressMessage, type RunCheckMessage, type UploadVerdictReadyMessage } from '../../platform/offscreen-checks';
import { pullHandedFile } from '../../platform/handoff-pull';
import { earlyUploadVerdict } from '../../platform/upload-check';
import { prewarmWorker } from '../../platform/isolated-check';

prewarmWorker();

browser.runtime.onMessage.addListener((msg: unknown, sender) => {
  const m = msg as Partial<RunCheckMessage> | null;
  if (sender.id !== browser.runtime.id || m?.target !== 'offscreen' || m.type !== 'run-check' || !m.key || !m.runningKey || !m.sighting) return undefined;
  return run(m.key, m.runningKey, m.sighting, m.upload, m.handed);
});

async function fileOf(key: string, handed: RunCheckMessage['handed']): Promise<Blob | typeof HANDOFF_MISSING | undefined> {
  if (handed) return (await pullHandedFile(handed.handoff, handed.size)) ?? HANDOFF_MISSING;
  const response = await (await caches.open(PENDING_CACHE)).match(key);
  return response?.blob();
}

async function run(
  key: string,
  runningKey: string,
  sighting: RunCheckMessage['sighting'],
  upload: RunCheckMessage['upload'],
  handed: RunCheckMessage['handed'],
): Promise<RecordedBrief | typeof HANDOFF_MISSING | undefined> {
  const blob = await fileOf(key, handed);
  if (!(blob instanceof Blob)) return blob;
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
  if (!handed) await (await caches.open(PENDING_CACHE)).delete(key);
  return brief;
}
