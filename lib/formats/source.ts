/**
 * Random-access bytes. Checks read through this so that a 100 MB archive is never held whole:
 * Node backs it with a file handle, the browser with Blob.slice, tests with a Uint8Array.
 */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    async read(offset, length) {
      return bytes.subarray(offset, Math.min(bytes.length, offset + length));
    },
  };
}

/** Whole content; callers check the size limits first. */
export async function readAll(source: ByteSource): Promise<Uint8Array> {
  return source.read(0, source.size);
}

/** A Blob (browser, service worker) as a ByteSource, read ahead (each Blob read is a round trip to the browser). */
export function blobSource(blob: Blob): ByteSource {
  return readAheadSource({
    size: blob.size,
    async read(offset, length) {
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    },
  });
}

export const READ_AHEAD_BYTES = 4 * 1024 * 1024;

/**
 * Reads a source whose every read costs a round trip in windows, the next window already on its way while
 * the current one is used: a reader going through the file in order never waits for a round trip after the
 * first. Two windows are held at most; reads larger than a window go straight to the source.
 */
export function readAheadSource(inner: ByteSource, windowBytes = READ_AHEAD_BYTES): ByteSource {
  const size = inner.size;
  interface Window {
    start: number;
    bytes: Promise<Uint8Array>;
  }
  const fetchWindow = (start: number): Window => {
    const bytes = inner.read(start, Math.min(windowBytes, size - start));
    bytes.catch(() => undefined); // a window nobody comes to read must not reject unheard
    return { start, bytes };
  };
  let current: Window | null = null;
  let next: Window | null = null;
  const covers = (w: Window | null, offset: number, end: number): w is Window => !!w && offset >= w.start && end <= Math.min(size, w.start + windowBytes);
  return {
    size,
    async read(offset, length) {
      const end = Math.min(size, offset + length);
      if (end - offset > windowBytes || offset >= size) return inner.read(offset, length);
      let w = current;
      if (!covers(w, offset, end)) {
        w = covers(next, offset, end) ? next : fetchWindow(offset);
        current = w;
        const after = w.start + windowBytes;
        next = after < size ? fetchWindow(after) : null;
      }
      const bytes = await w.bytes;
      return bytes.subarray(offset - w.start, end - w.start);
    },
  };
}
