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

/**
 * Bytes that arrive in pieces from another thread (the page that holds the file reads it there while this
 * Worker checks what has arrived): a read waits until its range is in, or fails once the sender gave up.
 * The pieces are kept as they came, not copied into one buffer (in Chromium, writing a fresh 25 MB buffer cost
 * more than the copy itself: its pages are faulted in one by one); a read within one piece is a view of it,
 * a read across pieces is copied. Holds the whole file; callers keep it for files within READ_WHOLE_BYTES
 * (lib/checks/limits.ts).
 */
export class ArrivingSource implements ByteSource {
  readonly size: number;
  /** Pieces in, sorted by offset (they may overlap). */
  private readonly pieces: { start: number; bytes: Uint8Array }[] = [];
  /** Ranges in, kept sorted and merged: [start, end). */
  private readonly ranges: [number, number][] = [];
  private waiters: { start: number; end: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;

  constructor(size: number) {
    this.size = size;
  }

  /** A piece of the file; pieces may come in any order, overlapping or not. */
  put(offset: number, piece: Uint8Array): void {
    if (offset < 0 || offset >= this.size || this.failure || piece.length === 0) return;
    const end = Math.min(this.size, offset + piece.length);
    this.pieces.push({ start: offset, bytes: piece.subarray(0, end - offset) });
    this.pieces.sort((a, b) => a.start - b.start);
    this.ranges.push([offset, end]);
    this.ranges.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < this.ranges.length; ) {
      if (this.ranges[i][0] <= this.ranges[i - 1][1]) {
        this.ranges[i - 1][1] = Math.max(this.ranges[i - 1][1], this.ranges[i][1]);
        this.ranges.splice(i, 1);
      } else i++;
    }
    this.waiters = this.waiters.filter((w) => (this.has(w.start, w.end) ? (w.resolve(), false) : true));
  }

  /** The sender could not read the file: every waiting and later read fails with this. */
  fail(error: Error): void {
    this.failure = error;
    for (const w of this.waiters) w.reject(error);
    this.waiters = [];
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    const start = Math.max(0, Math.min(offset, this.size));
    const end = Math.min(this.size, start + Math.max(0, length));
    if (!this.has(start, end)) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve, reject) => this.waiters.push({ start, end, resolve, reject }));
    }
    return this.slice(start, end);
  }

  /** The pieces' buffers, for the sender to read its next file into; this source is empty afterwards. */
  release(): ArrayBuffer[] {
    const buffers = [...new Set(this.pieces.map((p) => p.bytes.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
    this.pieces.length = 0;
    this.ranges.length = 0;
    return buffers;
  }

  /** [start, end), which has() says is all in. */
  private slice(start: number, end: number): Uint8Array {
    for (const p of this.pieces) {
      if (p.start <= start && p.start + p.bytes.length >= end) return p.bytes.subarray(start - p.start, end - p.start);
    }
    const out = new Uint8Array(end - start);
    for (const p of this.pieces) {
      const from = Math.max(start, p.start);
      const to = Math.min(end, p.start + p.bytes.length);
      if (from < to) out.set(p.bytes.subarray(from - p.start, to - p.start), from - start);
    }
    return out;
  }

  private has(start: number, end: number): boolean {
    if (end <= start) return true;
    return this.ranges.some(([s, e]) => s <= start && e >= end);
  }
}
