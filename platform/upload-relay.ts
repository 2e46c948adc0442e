/**
 * The extension's side of the check at the file picker (components/inpage/upload-watch.ts watches the page):
 * a chosen file goes, bytes unread until the worker accepts it, to the worker over the capture port.
 */
import { browser } from 'wxt/browser';
import { CAPTURE_ACCEPTED, CAPTURE_PORT, type UploadRecordedNotice, type UploadVerdictNotice } from '../lib/capture-protocol';
import { MAX_FILE_BYTES } from '../lib/checks/limits';
import type { UploadResult } from '../components/inpage/host';
import { handToFrame, handoffFrameReady } from './upload-frame-link';
import { PORTS_CARRY_FILES, sendFileOverPort } from './port-file';

/** Chromium's ports carry JSON only: there the file goes by reference through the extension frame; Firefox's port carries the File itself. */
const HANDOFF = !PORTS_CARRY_FILES;

/**
 * One chosen file to the worker: announce it, wait for the worker to accept (it refuses when Сверка is off
 * for this portal), then hand the file to the extension frame under the key the worker issued — or, where
 * there is no frame or the hand-off failed (the worker accepts again without a key), send it over the port.
 * Files over the limit are announced by size only.
 */
export function relayUpload(file: File, expect: string | undefined, onResult: (r: UploadResult) => void): void {
  let port: ReturnType<typeof browser.runtime.connect>;
  try {
    port = browser.runtime.connect({ name: CAPTURE_PORT });
  } catch {
    onResult('off');
    return;
  }
  let settled: UploadResult | null = null;
  const settle = (r: UploadResult) => {
    if (settled) return;
    settled = r;
    onResult(r);
  };
  port.onDisconnect.addListener(() => settle('off'));
  port.onMessage.addListener((msg: unknown) => {
    const m = msg as { type?: string } | null;
    if (m?.type === CAPTURE_ACCEPTED) void send(file, port, (m as { handoff?: unknown }).handoff).catch(() => port.disconnect());
    else if (m?.type === 'upload-verdict') settle(m as UploadVerdictNotice);
    // the verdict came before the journal had the check: now its entry (the report link) is known
    else if (m?.type === 'upload-recorded' && settled && settled !== 'off') {
      const r = m as UploadRecordedNotice;
      onResult({ ...settled, entryId: r.entryId, notes: r.saveError ? [...settled.notes, r.saveError] : settled.notes });
    }
    // refused (too many files a minute): say so; the portal's button is not held for it
    else if (m?.type === 'check-failed') {
      const f = m as { message?: unknown };
      settle({ type: 'upload-verdict', entryId: null, fileName: file.name, verdict: 'warn', headline: typeof f.message === 'string' ? f.message : '', notes: [] });
    }
  });
  port.postMessage({ type: 'capture-start', name: file.name.slice(0, 1000), size: file.size, via: 'upload', ...(expect ? { expect } : {}), ...(HANDOFF ? { handoff: true } : {}) });
  if (file.size > MAX_FILE_BYTES) return; // the worker answers with «too large» without a byte read
}

async function send(file: File, port: ReturnType<typeof browser.runtime.connect>, handoff: unknown): Promise<void> {
  if (typeof handoff === 'string' && (await handToFrame(file, handoff))) port.postMessage({ type: 'capture-handed' });
  else await sendFileOverPort(file, port);
}

/** A file input is about to be used: the worker readies its check runner while the official picks the file. */
export function prewarmUploadChecks(): void {
  if (HANDOFF) void handoffFrameReady();
  void browser.runtime.sendMessage({ type: 'upload-prewarm' }).catch(() => undefined);
}
