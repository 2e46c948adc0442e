/**
 * Every check in the extension runs in a dedicated Worker with a wall-clock watchdog proportional to the
 * file's size: a file that hangs a parser is stopped and reported as «Файл слишком сложный для проверки…»,
 * and the next file is checked as usual. Pages and the Firefox background page start the Worker themselves;
 * a Chromium service worker cannot (no `Worker` there, measured in Chromium 156), so it hands the file to
 * the offscreen document (platform/offscreen-checks.ts), which does.
 */
import { MAX_FILE_BYTES } from '../lib/checks/registry';
import { checkSource } from '../lib/checks/registry';
import type { HashedReport } from '../lib/checks/hash-and-check';
import type { CheckReport } from '../lib/checks/report';
import { checkTimeLimitMs, stoppedReport, type StopReason } from '../lib/checks/stopped';
import type { WorkerCheckReply, WorkerInbound } from '../lib/checks/worker-protocol';
import { READ_WHOLE_BYTES } from '../lib/checks/limits';
import { Sha256 } from '../lib/formats/sha256';
import { blobSource } from '../lib/formats/source';

export const CHECK_WORKER_PATH = '/check-worker.js';

/** What the runner needs of a Worker (a test passes its own). */
export interface WorkerLike {
  postMessage(message: WorkerInbound, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<WorkerCheckReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface IsolationOptions {
  makeWorker: () => WorkerLike;
  timeLimitMs?: number;
  onProgress?: (fraction: number) => void;
  /** Hears the report before the Worker has finished the file's hash. */
  onReport?: (report: CheckReport) => void;
  /** Takes back a Worker whose check ended normally (see releaseWorker); without it every Worker is ended. */
  release?: (worker: WorkerLike) => void;
}

/** Runs one check in a Worker; a Worker that was stopped (time limit) or crashed is always ended. */
export function checkInWorker(name: string, blob: Blob, opts: IsolationOptions): Promise<HashedReport> {
  if (blob.size > MAX_FILE_BYTES) return refusedTooLarge(name, blob.size);
  const worker = opts.makeWorker();
  return new Promise<HashedReport>((resolve) => {
    let settled = false;
    const end = (result: Promise<HashedReport> | HashedReport, normally = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (normally && opts.release) {
        worker.onmessage = null;
        worker.onerror = null;
        opts.release(worker);
      } else worker.terminate();
      resolve(result);
    };
    const stop = (reason: StopReason) => end(stoppedWithHash(name, blob, reason));
    const timer = setTimeout(() => stop('time'), opts.timeLimitMs ?? checkTimeLimitMs(blob.size));
    worker.onerror = () => stop('crash');
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'progress') opts.onProgress?.(m.fraction);
      else if (m.type === 'report') opts.onReport?.(m.report);
      else if (m.type === 'done') {
        if (m.buffers) giveBackBuffers(m.buffers);
        end({ sha256: m.sha256, report: m.report }, true);
      }
      else stop('crash');
    };
    // a file that fits in memory is read here, piece by piece, while the Worker checks what has come: a Blob
    // read is served on the reading thread, so the Worker's own reads would wait for its computing
    const arriving = blob.size <= READ_WHOLE_BYTES;
    worker.postMessage({ type: 'check', name, blob, ...(arriving ? { arriving } : {}) });
    if (arriving) void feed(blob, worker, () => settled);
  });
}

const HEAD_BYTES = 1024 * 1024;
const PIECE_BYTES = 4 * 1024 * 1024;

/** The pieces in the order a check wants them: the head (what the file is), the tail (an archive's directory), the rest in order. */
export function feedOrder(size: number): [number, number][] {
  const head = Math.min(HEAD_BYTES, size);
  const tailStart = Math.max(head, size - HEAD_BYTES);
  const pieces: [number, number][] = [[0, head]];
  if (tailStart < size) pieces.push([tailStart, size]);
  for (let o = head; o < tailStart; o += PIECE_BYTES) pieces.push([o, Math.min(tailStart, o + PIECE_BYTES)]);
  return pieces;
}

/**
 * Buffers a Worker gave back after its check, read into for the next file. Memory already in use is cheap to
 * fill; fresh memory is not (in Chromium on this kind of machine, reading 25 MB into new buffers cost 280–390 ms
 * of this thread, into buffers already used 60 ms). Kept up to one whole-file's worth, dropped after a minute idle.
 */
const readBuffers: ArrayBuffer[] = [];
const KEEP_BUFFERS = Math.ceil(READ_WHOLE_BYTES / PIECE_BYTES) + 2;
const KEEP_IDLE_MS = 60_000;
let dropTimer: ReturnType<typeof setTimeout> | null = null;

export function giveBackBuffers(buffers: readonly ArrayBuffer[]): void {
  for (const b of buffers) if (b.byteLength === PIECE_BYTES && readBuffers.length < KEEP_BUFFERS) readBuffers.push(b);
  if (dropTimer) clearTimeout(dropTimer);
  dropTimer = setTimeout(() => (readBuffers.length = 0), KEEP_IDLE_MS);
}

/** Pooled buffers waiting for reuse (tests). */
export const pooledReadBuffers = (): number => readBuffers.length;

let byobReads: boolean | undefined;

/** One piece of the file, read into a pooled buffer where the Blob's stream allows it (a BYOB reader). */
export async function readPiece(piece: Blob): Promise<{ bytes: ArrayBuffer; length: number }> {
  if (byobReads !== false && piece.size <= PIECE_BYTES) {
    let reader: ReadableStreamBYOBReader | undefined;
    try {
      reader = piece.stream().getReader({ mode: 'byob' });
      byobReads = true;
    } catch {
      byobReads = false;
    }
    if (reader) {
      let buf = readBuffers.pop() ?? new ArrayBuffer(PIECE_BYTES);
      let filled = 0;
      try {
        while (filled < piece.size) {
          const { value, done } = await reader.read(new Uint8Array(buf, filled, piece.size - filled));
          if (!value) throw new Error('the file could not be read');
          buf = value.buffer as ArrayBuffer;
          filled += value.byteLength;
          if (done) break;
        }
      } finally {
        reader.releaseLock();
      }
      if (filled !== piece.size) throw new Error(`the file ended after ${filled} of ${piece.size} bytes`);
      return { bytes: buf, length: filled };
    }
  }
  const bytes = await piece.arrayBuffer();
  return { bytes, length: bytes.byteLength };
}

async function feed(blob: Blob, worker: WorkerLike, stopped: () => boolean): Promise<void> {
  try {
    for (const [start, end] of feedOrder(blob.size)) {
      if (stopped()) return;
      const { bytes, length } = await readPiece(blob.slice(start, end));
      if (stopped()) return giveBackBuffers([bytes]);
      worker.postMessage({ type: 'bytes', offset: start, bytes, length }, [bytes]);
    }
  } catch (err) {
    if (!stopped()) worker.postMessage({ type: 'bytes-failed', message: String(err) });
  }
}

/** A stopped check is still recorded under the file's hash, computed here slice by slice. */
async function stoppedWithHash(name: string, blob: Blob, reason: StopReason): Promise<HashedReport> {
  const h = new Sha256();
  const source = blobSource(blob);
  for (let off = 0; off < blob.size; off += 4 * 1024 * 1024) h.update(await source.read(off, 4 * 1024 * 1024));
  return { sha256: h.hex(), report: stoppedReport(name, blob.size, reason) };
}

/** Files over the limit are refused unread; their journal key is derived from name and size. */
export async function refusedTooLarge(name: string, size: number): Promise<HashedReport> {
  const report = await checkSource(name, { size, read: () => Promise.reject(new Error('not read')) });
  return { sha256: new Sha256().update(new TextEncoder().encode(`too-large:${size}:${name}`)).hex(), report };
}

let spare: WorkerLike | null = null;

/**
 * Starts a Worker ahead of need, so a chosen file's check (and its progress bar) does not wait for the
 * check code to load.
 */
export function prewarmWorker(): void {
  if (canStartWorkers() && !spare) spare = new Worker(CHECK_WORKER_PATH) as unknown as WorkerLike;
}

/** A Worker of the built extension, where the global `Worker` exists (pages, Firefox background page). */
export function extensionWorker(): WorkerLike {
  const w = spare ?? (new Worker(CHECK_WORKER_PATH) as unknown as WorkerLike);
  spare = null;
  return w;
}

/**
 * A Worker whose check ended normally becomes the spare again: its compiled check code stays warm (a fresh
 * Worker checked a 25 MB archive in ≈1.1 s, a warm one in ≈0.8–0.9 s). The check code keeps no state between
 * files; a Worker that was stopped or crashed is never reused.
 */
export function releaseWorker(worker: WorkerLike): void {
  if (spare) worker.terminate();
  else spare = worker;
}

export const canStartWorkers = (): boolean => typeof Worker !== 'undefined';
