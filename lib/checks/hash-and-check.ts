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

/** A ByteSource that hashes the bytes read in file order and reports how far that order got. */
export class HashingSource implements ByteSource {
  readonly size: number;
  private frontier = 0;
  private readonly hash = new Sha256();

  constructor(
    private readonly inner: ByteSource,
    private readonly onRead: (bytesInOrder: number) => void = () => undefined,
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
    while (this.frontier < this.size) await this.take(this.frontier, Math.min(SLICE, this.size - this.frontier));
    return this.hash.hex();
  }

  private async take(offset: number, length: number): Promise<Uint8Array> {
    const bytes = await this.inner.read(offset, length);
    if (offset <= this.frontier && offset + bytes.length > this.frontier) {
      this.hash.update(bytes.subarray(this.frontier - offset));
      this.frontier = offset + bytes.length;
      this.onRead(this.frontier);
    }
    return bytes;
  }
}

/** Checks a file and hashes it on the way; `onProgress` gets 0…1 over the whole file, never going back. */
export async function hashAndCheck(
  label: string,
  source: ByteSource,
  onProgress?: (fraction: number) => void,
  ctx: Omit<CheckContext, 'onProgress'> = {},
): Promise<HashedReport> {
  let shown = 0;
  const show = (f: number) => {
    if (f <= shown) return;
    shown = f;
    onProgress?.(f);
  };
  const size = Math.max(1, source.size);
  const hashing = new HashingSource(source, (n) => show((READ_SHARE * n) / size));
  const report = await checkSource(label, hashing, { ...ctx, onProgress: (f) => show(READ_SHARE * f) });
  const sha256 = await hashing.finish();
  show(1);
  return { sha256, report };
}
