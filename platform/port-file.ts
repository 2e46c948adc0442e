/**
 * How a content script sends a file's bytes to the extension over the capture port. Firefox's extension
 * messages are structured clones, so there the `File` itself goes, by reference; Chromium's are JSON, so
 * there the bytes go in base64 chunks (a chosen file goes by reference through the extension frame instead:
 * platform/upload-frame-link.ts).
 */
import type { Browser } from 'wxt/browser';
import { CAPTURE_CHUNK_BYTES, toBase64 } from '../lib/capture-protocol';

/** True in the Firefox build: a Blob posted over a port arrives as a Blob. */
export const PORTS_CARRY_FILES = Boolean(import.meta.env?.FIREFOX);

type Port = Pick<Browser.runtime.Port, 'postMessage'>;

/** What the worker's end of a capture port knows when a whole File arrives. */
export interface PortFileState {
  /** `capture-start` came, and said how big the file is. */
  started: boolean;
  expected: number;
  /** Bytes already taken on this port (chunks, or a File before). */
  received: number;
}

/**
 * Whether the worker takes a `capture-file`: only where ports carry files at all, only after the announcement,
 * only once and never mixed with chunks, and only of the announced size (which the limit was checked against).
 */
export function takesWholeFile(state: PortFileState, file: Blob, carryFiles = PORTS_CARRY_FILES): boolean {
  return carryFiles && state.started && state.received === 0 && file.size === state.expected;
}

/**
 * Sends the whole file, then `capture-end` where it went in chunks. `open` is asked before each chunk: a port
 * the worker closed (it refused the file, or Сверка was switched off) gets nothing more.
 */
export async function sendFileOverPort(file: Blob, port: Port, open: () => boolean = () => true, carryFiles = PORTS_CARRY_FILES): Promise<void> {
  if (carryFiles) {
    try {
      port.postMessage({ type: 'capture-file', file });
      return;
    } catch {
      // a Blob Firefox will not clone (one the page world made and still owns): its bytes go the long way
    }
  }
  const read = (off: number) => file.slice(off, off + CAPTURE_CHUNK_BYTES).arrayBuffer();
  // each chunk is read while the one before is encoded and sent
  let next = read(0);
  for (let off = 0; off < file.size; off += CAPTURE_CHUNK_BYTES) {
    const bytes = ownBytes(await next);
    if (!open()) return;
    if (off + CAPTURE_CHUNK_BYTES < file.size) next = read(off + CAPTURE_CHUNK_BYTES);
    port.postMessage({ type: 'capture-chunk', data: toBase64(bytes) });
  }
  if (open()) port.postMessage({ type: 'capture-end' });
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
