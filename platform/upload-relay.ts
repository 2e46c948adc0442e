/**
 * The extension's side of the check at the file picker (components/inpage/upload-watch.ts watches the page):
 * a chosen file goes, bytes unread until the worker accepts it, to the worker over the capture port.
 */
import { browser } from 'wxt/browser';
import { CAPTURE_ACCEPTED, CAPTURE_CHUNK_BYTES, CAPTURE_PORT, toBase64, type UploadVerdictNotice } from '../lib/capture-protocol';
import { MAX_FILE_BYTES } from '../lib/checks/limits';
import type { UploadResult } from '../components/inpage/host';

/**
 * One chosen file to the worker: announce it, wait for the worker to accept (it refuses when Сверка is off
 * for this portal), then stream each chunk once. Files over the limit are announced by size only.
 */
export function relayUpload(file: File, expect: string | undefined, onResult: (r: UploadResult) => void): void {
  let port: ReturnType<typeof browser.runtime.connect>;
  try {
    port = browser.runtime.connect({ name: CAPTURE_PORT });
  } catch {
    onResult('off');
    return;
  }
  let settled = false;
  const settle = (r: UploadResult) => {
    if (settled) return;
    settled = true;
    onResult(r);
  };
  port.onDisconnect.addListener(() => settle('off'));
  port.onMessage.addListener((msg: unknown) => {
    const m = msg as { type?: string } | null;
    if (m?.type === CAPTURE_ACCEPTED) void stream(file, port).catch(() => port.disconnect());
    else if (m?.type === 'upload-verdict') settle(m as UploadVerdictNotice);
    // refused (too many files a minute): say so; the portal's button is not held for it
    else if (m?.type === 'check-failed') {
      const f = m as { message?: unknown };
      settle({ type: 'upload-verdict', entryId: null, fileName: file.name, verdict: 'warn', headline: typeof f.message === 'string' ? f.message : '', notes: [] });
    }
  });
  port.postMessage({ type: 'capture-start', name: file.name.slice(0, 1000), size: file.size, via: 'upload', ...(expect ? { expect } : {}) });
  if (file.size > MAX_FILE_BYTES) return; // the worker answers with «too large» without a byte read
}

async function stream(file: File, port: ReturnType<typeof browser.runtime.connect>): Promise<void> {
  for (let off = 0; off < file.size; off += CAPTURE_CHUNK_BYTES) {
    const bytes = new Uint8Array(await file.slice(off, off + CAPTURE_CHUNK_BYTES).arrayBuffer());
    port.postMessage({ type: 'capture-chunk', data: toBase64(bytes) });
  }
  port.postMessage({ type: 'capture-end' });
}
