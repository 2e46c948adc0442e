/**
 * Hash and check in one pass: the SHA-256 that identifies the file in the journal is computed from the very
 * slices the check reads (a sequential reader hashes as it goes; whatever the check skipped is read at the
 * end), and progress covers every byte read, for every kind, not only archives.
 */
import type { ByteSource } from '../formats/source';
import { Sha256 } from '../formats/sha256';
import type { CheckReport } from './report';
import { checkSource } from './registry';
import type { CheckContext } from './types';

const SLICE = 4 * 1024 * 1024;
/** Share of the bar for reading (and hashing); the rest is parsing and checking what was read. */
const READ_SHARE = 0.9;

export interface HashedReport {
  sha256: string;
  report: CheckReport;
}

/** A report heard as soon as it exists: the hash follows (HashedReport) unless it was already there. */
export type EarlyReport = Pick<HashedReport, 'report'> & Partial<Pick<HashedReport, 'sha256'>>;

/**
 * A ByteSource that hashes the bytes read in file order and reports how far that order got. `deferHash`: for a
 * source whose reads cost nothing (bytes in memory), hashing waits for finish(), so the report comes first.
 */
export class HashingSource implements ByteSource {
  readonly size: number;
  private frontier = 0;
  private readonly hash = new Sha256();

  constructor(
    private readonly inner: ByteSource,
    private readonly onRead: (bytesInOrder: number) => void = () => undefined,
    private readonly deferHash = false,
  ) {
    this.size = inner.size;
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    const end = Math.min(this.size, offset + length);
    if (end - offset <= SLICE) return this.take(offset, end - offset);
    const out = new Uint8Array(end - offset);
    for (let o = offset; o < end; o += SLICE) out.set(await this.take(o, Math.min(SLICE, end - o)), o - offset);
    return out;
  }

  /** Reads what the check never asked for, then gives the hash of the whole file. */
  async finish(): Promise<string> {
    if (this.deferHash) for (let o = 0; o < this.frontier; o += SLICE) this.hash.update(await this.inner.read(o, Math.min(SLICE, this.frontier - o)));
    while (this.frontier < this.size) await this.take(this.frontier, Math.min(SLICE, this.size - this.frontier), true);
    return this.hash.hex();
  }

  private async take(offset: number, length: number, finishing = false): Promise<Uint8Array> {
    const bytes = await this.inner.read(offset, length);
    if (offset <= this.frontier && offset + bytes.length > this.frontier) {
      if (!this.deferHash || finishing) this.hash.update(bytes.subarray(this.frontier - offset));
      this.frontier = offset + bytes.length;
      this.onRead(this.frontier);
    }
    return bytes;
  }
}

export interface HashAndCheckOptions {
  /** The bytes are in memory: check first, hash after (see HashingSource). */
  deferHash?: boolean;
  /** Hears the report as soon as it exists, before the hash is finished. */
  onReport?: (report: CheckReport) => void;
}

/** Checks a file and hashes it on the way; `onProgress` gets 0…1 over the whole file, never going back. */
export async function hashAndCheck(
  label: string,
  source: ByteSource,
  onProgress?: (fraction: number) => void,
  ctx: Omit<CheckContext, 'onProgress'> = {},
  opts: HashAndCheckOptions = {},
): Promise<HashedReport> {
  let shown = 0;
  const show = (f: number) => {
    if (f <= shown) return;
    shown = f;
    onProgress?.(f);
  };
  const size = Math.max(1, source.size);
  const hashing = new HashingSource(source, (n) => show((READ_SHARE * n) / size), opts.deferHash);
  const report = await checkSource(label, hashing, { ...ctx, onProgress: (f) => show(READ_SHARE * f) });
  opts.onReport?.(report);
  const sha256 = await hashing.finish();
  show(1);
  return { sha256, report };
}
