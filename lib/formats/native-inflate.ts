/**
 * Raw deflate through the runtime's own zlib (`DecompressionStream('deflate-raw')`: Chromium, Firefox ≥ 113,
 * Node ≥ 18). In Chromium's Worker fflate runs 2–3× slower than in Node while the native inflater runs at about
 * Node's speed (`npm run bench upload`), so big entries go this way wherever it exists; fflate stays for small
 * entries (a stream costs more than it saves there) and for runtimes without it.
 *
 * The bound: an inflater turns one written piece into all its output before taking the next (Chromium enqueues
 * it all at once), and deflate expands at most ~1032×, so a piece of NATIVE_PIECE_BYTES in can never be more than
 * ~66 MiB out at a time, whatever the entry claims. `take` returns false to stop: the rest is never inflated.
 */

export const NATIVE_PIECE_BYTES = 64 * 1024;

/** Entries smaller than this (compressed) are inflated by fflate: starting a stream would cost more than it saves. */
export const NATIVE_FROM_BYTES = 64 * 1024;

interface DecompressionStreamLike {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
}
type DecompressionStreamCtor = new (format: string) => DecompressionStreamLike;

let available: DecompressionStreamCtor | null | undefined;

function nativeCtor(): DecompressionStreamCtor | null {
  if (available !== undefined) return available;
  const ctor = (globalThis as { DecompressionStream?: DecompressionStreamCtor }).DecompressionStream;
  try {
    // older engines know only 'gzip' and 'deflate': the constructor throws for the raw format
    if (ctor) new ctor('deflate-raw');
    available = ctor ?? null;
  } catch {
    available = null;
  }
  return available;
}

export const hasNativeInflate = (): boolean => nativeCtor() !== null;

/** Tests switch the native path off to compare both inflaters on the same input. */
export function setNativeInflate(on: boolean): void {
  available = on ? undefined : null;
}

export type InflateOutcome = 'done' | 'stopped' | 'damaged';

/** What the zip directory says the entry inflates to. */
export interface Expected {
  crc32: number;
  size: number;
}

/** A gzip member around raw deflate data: the runtime's zlib then checks the CRC and the size itself. */
const GZIP_HEADER = new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);

function gzipTrailer(e: Expected): Uint8Array {
  const t = new Uint8Array(8);
  const v = new DataView(t.buffer);
  v.setUint32(0, e.crc32 >>> 0, true);
  v.setUint32(4, e.size >>> 0, true);
  return t;
}

/**
 * Inflates `compressedSize` bytes handed out by `read` (in the slices it chooses), giving each output chunk to
 * `take` (valid only during the call). 'damaged': the data does not inflate or ends early. With `expected`, the
 * bytes are inflated as a gzip member whose trailer is the zip's CRC and size, so 'done' also means both match
 * (checked in the runtime's zlib, faster than the CRC here); 'damaged' then does not say which went wrong.
 */
export async function inflateNative(
  compressedSize: number,
  read: (offset: number, length: number) => Promise<Uint8Array>,
  sliceBytes: number,
  take: (chunk: Uint8Array) => boolean,
  expected?: Expected,
): Promise<InflateOutcome> {
  const Ctor = nativeCtor();
  if (!Ctor) throw new Error('no native inflater here');
  const stream = new Ctor(expected ? 'gzip' : 'deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  let damaged = false;
  const draining = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        if (!take(value)) {
          stopped = true;
          await reader.cancel().catch(() => undefined);
          return;
        }
      }
    } catch {
      damaged = true;
    }
  })();
  try {
    if (expected) await writer.write(GZIP_HEADER);
    for (let off = 0; off < compressedSize && !stopped && !damaged; ) {
      const slice = await read(off, Math.min(sliceBytes, compressedSize - off));
      if (slice.length === 0) break;
      off += slice.length;
      for (let at = 0; at < slice.length && !stopped && !damaged; at += NATIVE_PIECE_BYTES) {
        await writer.write(slice.subarray(at, Math.min(slice.length, at + NATIVE_PIECE_BYTES)));
      }
    }
    if (expected && !stopped && !damaged) await writer.write(gzipTrailer(expected));
    if (!stopped && !damaged) await writer.close();
  } catch {
    // the stream errored (bad data) or was cancelled by `take`: the reader says which
    if (!stopped) damaged = true;
  }
  if (stopped || damaged) await writer.abort().catch(() => undefined);
  await draining;
  if (stopped) return 'stopped';
  return damaged ? 'damaged' : 'done';
}
