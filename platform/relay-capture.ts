/**
 * Isolated-world side of page capture: takes the Blob our page-world script posted and streams it to the
 * service worker in base64 chunks (runtime messages are JSON in Chromium).
 */
import { browser } from 'wxt/browser';
import { CAPTURE_CHUNK_BYTES, CAPTURE_PORT, toBase64, type CheckDoneNotice } from '../lib/capture-protocol';
import { CAPTURE_WINDOW_TAG } from '../lib/capture-protocol';
import type { CheckProgressNotice } from './check-progress';

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
  for (let off = 0; off < blob.size && open; off += CAPTURE_CHUNK_BYTES) {
    const bytes = ownBytes(await blob.slice(off, off + CAPTURE_CHUNK_BYTES).arrayBuffer());
    port.postMessage({ type: 'capture-chunk', data: toBase64(bytes) });
  }
  if (open) port.postMessage({ type: 'capture-end' });
}

/**
 * In Firefox the Blob posted from the page world stays a page-owned object, and so does the ArrayBuffer read
 * from it: typed-array methods that look up its constructor (subarray, slice) throw «Permission denied to
 * access property "constructor"». Copy the bytes into a fresh array of the content script's own world.
 */
export function ownBytes(buffer: ArrayBuffer): Uint8Array {
  const source = new Uint8Array(buffer);
  const copy = new Uint8Array(source.length);
  copy.set(source);
  return copy;
}
