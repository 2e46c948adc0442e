/**
 * Isolated-world side of page capture: takes the Blob our page-world script posted and streams it to the
 * service worker in base64 chunks (runtime messages are JSON in Chromium).
 */
import { browser } from 'wxt/browser';
import { CAPTURE_CHUNK_BYTES, CAPTURE_PORT, toBase64, type CheckDoneNotice } from '../lib/capture-protocol';
import { CAPTURE_WINDOW_TAG } from '../lib/capture-protocol';

export function listenForPageCaptures(onDone: (notice: CheckDoneNotice) => void, onStart: (name: string) => void): () => void {
  const handler = (event: MessageEvent) => {
    if (event.source !== window || event.origin !== location.origin) return;
    const data = event.data as { tag?: unknown; name?: unknown; blob?: unknown; sourceUrl?: unknown } | null;
    if (!data || data.tag !== CAPTURE_WINDOW_TAG || !(data.blob instanceof Blob) || typeof data.name !== 'string') return;
    onStart(data.name);
    void relay(data.blob, data.name.slice(0, 1000), typeof data.sourceUrl === 'string' ? data.sourceUrl : undefined, onDone);
  };
  window.addEventListener('message', handler);
  return () => window.removeEventListener('message', handler);
}

async function relay(blob: Blob, name: string, sourceUrl: string | undefined, onDone: (n: CheckDoneNotice) => void): Promise<void> {
  const port = browser.runtime.connect({ name: CAPTURE_PORT });
  port.onMessage.addListener((msg: unknown) => {
    if ((msg as { type?: string } | null)?.type === 'check-done') onDone(msg as CheckDoneNotice);
  });
  port.postMessage({ type: 'capture-start', name, size: blob.size, ...(sourceUrl ? { sourceUrl } : {}) });
  for (let off = 0; off < blob.size; off += CAPTURE_CHUNK_BYTES) {
    const bytes = ownBytes(await blob.slice(off, off + CAPTURE_CHUNK_BYTES).arrayBuffer());
    port.postMessage({ type: 'capture-chunk', data: toBase64(bytes) });
  }
  port.postMessage({ type: 'capture-end' });
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
