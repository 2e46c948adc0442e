/**
 * Chromium's offscreen document: runs the service worker's checks, each in its own Worker with a watchdog
 * (platform/check-and-record.ts), and records them in the journal. See platform/offscreen-checks.ts.
 */
import { browser } from 'wxt/browser';
import { briefOf, checkAndRecord, type RecordedBrief } from '../../platform/check-and-record';
import { PENDING_CACHE, type CheckProgressMessage, type RunCheckMessage } from '../../platform/offscreen-checks';
import { prewarmWorker } from '../../platform/isolated-check';

prewarmWorker();

browser.runtime.onMessage.addListener((msg: unknown, sender) => {
  const m = msg as Partial<RunCheckMessage> | null;
  if (sender.id !== browser.runtime.id || m?.target !== 'offscreen' || m.type !== 'run-check' || !m.key || !m.sighting) return undefined;
  return run(m.key, m.sighting);
});

async function run(key: string, sighting: RunCheckMessage['sighting']): Promise<RecordedBrief | undefined> {
  const response = await (await caches.open(PENDING_CACHE)).match(key);
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
  return briefOf(await checkAndRecord(blob, sighting, progress));
}
