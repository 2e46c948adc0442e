/**
 * Isolated-world side of page capture: takes the Blob our page-world script posted and sends it to the
 * worker over the capture port (platform/port-file.ts: by reference in Firefox, base64 chunks in Chromium).
 */
import { browser } from 'wxt/browser';
import { CAPTURE_PORT, type CheckDoneNotice } from '../lib/capture-protocol';
import { CAPTURE_WINDOW_TAG } from '../lib/capture-protocol';
import type { CheckProgressNotice } from './check-progress';
import { sendFileOverPort } from './port-file';

export interface CaptureFailed {
  type: 'check-failed';
  fileName: string;
  message: string;
}

export function listenForPageCaptures(onFile: (blob: Blob, name: string) => void): () => void {
  const handler = (event: MessageEvent) => {
    if (event.source !== window || event.origin !== location.origin) return;
    const data = event.data as { tag?: unknown; name?: unknown; blob?: unknown } | null;
    if (!data || data.tag !== CAPTURE_WINDOW_TAG || !(data.blob instanceof Blob) || typeof data.name !== 'string') return;
    onFile(data.blob, data.name.slice(0, 1000));
  };
  window.addEventListener('message', handler);
  return () => window.removeEventListener('message', handler);
}

/** The worker takes the file's origin from this tab itself, so nothing about where the bytes came from is sent. */
export async function relayToWorker(blob: Blob, name: string, onNotice: (n: CheckDoneNotice | CaptureFailed | CheckProgressNotice) => void): Promise<void> {
  const port = browser.runtime.connect({ name: CAPTURE_PORT });
  let open = true;
  port.onDisconnect.addListener(() => (open = false));
  port.onMessage.addListener((msg: unknown) => {
    const type = (msg as { type?: string } | null)?.type;
    if (type === 'check-done') onNotice(msg as CheckDoneNotice);
    else if (type === 'check-failed') onNotice(msg as CaptureFailed);
    else if (type === 'check-progress') onNotice(msg as CheckProgressNotice);
  });
  port.postMessage({ type: 'capture-start', name, size: blob.size });
  await sendFileOverPort(blob, port, () => open);
}
