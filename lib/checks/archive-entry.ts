/**
 * One entry of an ССТУ archive, checked on its own: CRC verified and, for JSON/XML entries, its status records
 * counted. Entries are independent, so a runtime with a second thread may check some of them there
 * (`ArchiveEntryHelper`, given in the check's context): only the entry's own bytes go over and only its
 * outcome comes back. The archive's report is the same whichever thread checked which entry.
 */
import { inflateSync } from 'fflate';
import { crc32 } from '../formats/crc32';
import { bytesSource, type ByteSource } from '../formats/source';
import { dataOffset, streamEntry, streamsNatively, type EntryCheck, type EntryProblem, type ZipEntry } from '../formats/zip';
import { counterFor } from '../sstu/records';

/**
 * Where the runtime inflates natively, big entries stream through it (lib/formats/native-inflate.ts). Otherwise
 * entries up to this size (packed and unpacked) are inflated in one call into a buffer of their declared size:
 * as fast as a bare inflate, and at most twice this in memory. Larger entries stream through streamEntry.
 */
export const WHOLE_ENTRY_BYTES = 16 * 1024 * 1024;

/** One entry, CRC-checked: whole for small deflated entries, streamed otherwise (same problems and messages). */
export async function verifyEntry(
  source: ByteSource,
  entry: ZipEntry,
  onData?: (chunk: Uint8Array) => void,
  onRead?: (bytes: number) => void,
  /** An output buffer reused from entry to entry (onData's chunk is only valid during the call). */
  scratch?: { buf: Uint8Array },
): Promise<EntryCheck> {
  if (entry.method !== 8 || entry.encrypted || entry.size > WHOLE_ENTRY_BYTES || entry.compressedSize > WHOLE_ENTRY_BYTES || streamsNatively(entry)) {
    return streamEntry(source, entry, onData, onRead);
  }
  const start = await dataOffset(source, entry);
  if (start === null || start + entry.compressedSize > source.size) return streamEntry(source, entry, onData, onRead);
  const packed = await source.read(start, entry.compressedSize);
  onRead?.(packed.length);
  const fail = (problem: EntryProblem, message: string): EntryCheck => ({ entry, ok: false, problem, message });
  let out: Uint8Array;
  try {
    let target: Uint8Array;
    if (scratch) {
      if (scratch.buf.length < entry.size) scratch.buf = new Uint8Array(Math.max(entry.size, Math.min(WHOLE_ENTRY_BYTES, scratch.buf.length * 2)));
      target = scratch.buf.subarray(0, entry.size);
    } else {
      target = new Uint8Array(entry.size);
    }
    out = inflateSync(packed, { out: target });
  } catch {
    return fail('inflate', `Файл «${entry.name}» в архиве повреждён: данные не распаковываются.`);
  }
  if (out.length !== entry.size) {
    return fail('truncated', `Файл «${entry.name}» в архиве короче, чем записано в оглавлении (${out.length} из ${entry.size} байт): архив повреждён.`);
  }
  // data longer than declared is cut at the declared size, so its CRC cannot match either
  if (crc32(out) !== entry.crc32) return fail('crc', `Файл «${entry.name}» в архиве повреждён: контрольная сумма не совпадает.`);
  onData?.(out);
  return { entry, ok: true };
}

export interface EntryOutcome {
  ok: boolean;
  problem?: EntryProblem;
  message?: string;
  /** Status records in the entry; null when it was not counted or cannot be. */
  records: number | null;
}

/** The entry's local header and data, cut from the archive (a copy of its own), and the entry as found there. */
export interface PackedEntry {
  bytes: Uint8Array;
  entry: ZipEntry;
}

/** A second thread that checks a packed entry exactly as checkArchiveEntry would have. */
export interface ArchiveEntryHelper {
  /**
   * Settles once the thread can take entries (a Worker still loading its script would make the entry wait,
   * while this thread could have checked it); never settling is allowed: entries are then all checked here.
   */
  ready: Promise<unknown>;
  check(packed: PackedEntry, countRecords: boolean): Promise<EntryOutcome>;
}

/**
 * Entries a helper is given: deflated ones big enough to be worth the trip (smaller ones take less time to
 * check than to post) and small enough that their copy stays a small part of memory.
 */
export const HELPER_ENTRY_MIN_BYTES = 64 * 1024;
export const HELPER_ENTRY_MAX_BYTES = 16 * 1024 * 1024;

export const helperTakes = (e: ZipEntry): boolean =>
  e.method === 8 && !e.encrypted && e.compressedSize >= HELPER_ENTRY_MIN_BYTES && e.compressedSize <= HELPER_ENTRY_MAX_BYTES;

/** Checks one entry where it lies in the archive; `countRecords` false skips the record count. */
export async function checkArchiveEntry(
  source: ByteSource,
  entry: ZipEntry,
  countRecords: boolean,
  onRead?: (bytes: number) => void,
  scratch?: { buf: Uint8Array },
): Promise<EntryOutcome> {
  const counter = countRecords ? counterFor(entry.name) : null;
  const res = await verifyEntry(source, entry, counter ? (chunk) => counter.push(chunk) : undefined, onRead, scratch);
  if (!res.ok) return { ok: false, problem: res.problem, message: res.message, records: null };
  return { ok: true, records: counter ? counter.finish() : null };
}

/**
 * The entry's header and data as a copy of their own, or null when they are not where the directory says
 * (the entry is then checked in place, which says what is wrong).
 */
export async function cutEntry(source: ByteSource, entry: ZipEntry): Promise<PackedEntry | null> {
  const start = await dataOffset(source, entry);
  if (start === null || start + entry.compressedSize > source.size) return null;
  const length = start - entry.localHeaderOffset + entry.compressedSize;
  const bytes = (await source.read(entry.localHeaderOffset, length)).slice();
  return { bytes, entry: { ...entry, localHeaderOffset: 0 } };
}

/** What a helper runs on a packed entry it was given. */
export const checkPackedEntry = (packed: PackedEntry, countRecords: boolean): Promise<EntryOutcome> =>
  checkArchiveEntry(bytesSource(packed.bytes), packed.entry, countRecords);
