/**
 * Zip reading with limits, through a ByteSource so a 100 MB archive never sits in memory whole:
 * the central directory is read from the end, each entry is inflated in slices (big ones by the runtime's own zlib
 * where there is one, lib/formats/native-inflate.ts) and its CRC checked.
 */
import { plural } from '../plural';
import { Inflate } from 'fflate';
import type { ByteSource } from './source';
import { FormatError } from './errors';
import { crc32 } from './crc32';
import { decodeText } from './text';
import { hasNativeInflate, inflateNative, NATIVE_FROM_BYTES, NATIVE_PIECE_BYTES } from './native-inflate';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, for entries bigger than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 50_000,
  maxTotalBytes: 2 * 1024 ** 3,
  maxRatio: 500,
  ratioFloorBytes: 1024 ** 2,
};

export interface ZipEntry {
  index: number;
  name: string;
  method: number;
  flags: number;
  encrypted: boolean;
  directory: boolean;
  /** Name with "../", a leading "/" or a drive letter: must never be extracted as is. */
  unsafeName: boolean;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Sum of declared uncompressed sizes. */
  totalBytes: number;
  comment: string;
}

const CHUNK = 1024 * 1024;
/**
 * Compressed bytes handed to the inflater at a time. fflate returns everything one push inflates as a single
 * chunk, and deflate expands at most ~1032×: 8 KiB in can never become more than ~8.3 MiB out, so a lying
 * entry is stopped after at most that much, whatever it claims.
 */
const INFLATE_PIECE = 8 * 1024;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 2 ** 32;
}

const DAMAGED = 'Архив повреждён: его оглавление не читается. Скачайте архив заново; если ошибка повторится — сформируйте его повторно.';

export function isUnsafeEntryName(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return n.startsWith('/') || /^[a-zA-Z]:/.test(n) || n.split('/').some((part) => part === '..');
}

function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(bytes);
  // Russian archivers write names in cp866 without the UTF-8 flag; UTF-8 without the flag is common too.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return cp866(bytes);
  }
}

function cp866(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    if (b < 0x80) s += String.fromCharCode(b);
    else if (b < 0xb0) s += String.fromCharCode(0x410 + (b - 0x80));
    else if (b >= 0xe0 && b < 0xf0) s += String.fromCharCode(0x440 + (b - 0xe0));
    else if (b === 0xf0) s += 'Ё';
    else if (b === 0xf1) s += 'ё';
    else s += '_';
  }
  return s;
}

/** Reads the central directory. Throws FormatError for a damaged archive or one over the limits. */
export async function readZipDirectory(source: ByteSource, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipDirectory> {
  if (source.size < 22) throw new FormatError('zip-damaged', DAMAGED, `размер ${source.size} байт`);
  const tailLen = Math.min(source.size, 22 + 0xffff + 20);
  const tailStart = source.size - tailLen;
  const tail = await source.read(tailStart, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw new FormatError('zip-damaged', 'Архив обрывается или повреждён: в конце нет оглавления архива. Похоже, архив скачан не полностью — скачайте его заново.', `байт ${source.size}`);
  }
  let count = u16(tail, eocd + 10);
  let cdSize = u32(tail, eocd + 12);
  let cdOffset = u32(tail, eocd + 16);
  const commentLen = u16(tail, eocd + 20);
  const comment = new TextDecoder('utf-8').decode(tail.subarray(eocd + 22, eocd + 22 + commentLen));
  // Zip64 locator just before the EOCD
  const loc = eocd - 20;
  if (loc >= 0 && u32(tail, loc) === 0x07064b50) {
    const eocd64Offset = u64(tail, loc + 8);
    const rec = await source.read(eocd64Offset, 56);
    if (rec.length === 56 && u32(rec, 0) === 0x06064b50) {
      count = u64(rec, 32);
      cdSize = u64(rec, 40);
      cdOffset = u64(rec, 48);
    }
  }
  if (count > limits.maxEntries) {
    throw new FormatError('zip-limits', `В архиве ${count} ${plural(count, 'файл', 'файла', 'файлов')} — больше допустимых ${limits.maxEntries}. Такой архив не проверяется: это не похоже на выгрузку портала.`);
  }
  if (cdOffset + cdSize > source.size) {
    throw new FormatError('zip-damaged', 'Архив обрывается: оглавление указывает за конец файла. Скачайте архив заново.', `байт ${cdOffset}`);
  }
  const cd = await source.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  let totalBytes = 0;
  for (let index = 0; index < count; index++) {
    if (p + 46 > cd.length || u32(cd, p) !== 0x02014b50) {
      throw new FormatError('zip-damaged', DAMAGED, `запись оглавления № ${index + 1}`);
    }
    const flags = u16(cd, p + 8);
    const method = u16(cd, p + 10);
    const crc = u32(cd, p + 16);
    let compressedSize = u32(cd, p + 20);
    let size = u32(cd, p + 24);
    const nameLen = u16(cd, p + 28);
    const extraLen = u16(cd, p + 30);
    const fileCommentLen = u16(cd, p + 32);
    let localHeaderOffset = u32(cd, p + 42);
    const name = decodeName(cd.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0);
    // zip64 extra field
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(cd, e);
      const len = u16(cd, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) { size = u64(cd, q); q += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(cd, q); q += 8; }
        if (localHeaderOffset === 0xffffffff) { localHeaderOffset = u64(cd, q); }
      }
      e += 4 + len;
    }
    const entry: ZipEntry = {
      index,
      name,
      method,
      flags,
      encrypted: (flags & 1) !== 0,
      directory: name.endsWith('/'),
      unsafeName: isUnsafeEntryName(name),
      crc32: crc,
      compressedSize,
      size,
      localHeaderOffset,
    };
    totalBytes += size;
    if (totalBytes > limits.maxTotalBytes) {
      throw new FormatError('zip-bomb', `Архив после распаковки занял бы больше ${Math.round(limits.maxTotalBytes / 1024 ** 3)} ГБ. Такой архив не распаковывается (возможна «zip-бомба»). Проверьте, тот ли это файл.`);
    }
    if (size > limits.ratioFloorBytes && compressedSize > 0 && size / compressedSize > limits.maxRatio) {
      throw new FormatError('zip-bomb', `Файл «${name}» в архиве сжат в ${Math.round(size / compressedSize)} раз — так сжимаются только специально подготовленные «zip-бомбы». Архив не распаковывается.`, name);
    }
    entries.push(entry);
    p += 46 + nameLen + extraLen + fileCommentLen;
  }
  refuseOverlaps(entries, cdOffset);
  return { entries, totalBytes, comment };
}

/**
 * Entries whose data overlap (several directory records pointing into the same bytes) are how a small zip
 * makes a reader inflate the same data thousands of times; no archiver writes them. Each entry needs at least
 * its 30-byte local header and its compressed data before the next entry (or the directory) starts.
 */
function refuseOverlaps(entries: readonly ZipEntry[], cdOffset: number): void {
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i];
    const end = e.localHeaderOffset + 30 + e.compressedSize;
    const next = i + 1 < byOffset.length ? byOffset[i + 1].localHeaderOffset : cdOffset;
    if (end > next) {
      const other = byOffset[i + 1];
      throw new FormatError(
        'zip-overlap',
        other
          ? `Архив повреждён или подделан: файлы «${e.name}» и «${other.name}» занимают одно и то же место в архиве. Такой архив не распаковывается — сформируйте его заново.`
          : `Архив повреждён или подделан: файл «${e.name}» заходит на оглавление архива. Такой архив не распаковывается — сформируйте его заново.`,
        e.name,
      );
    }
  }
}

export type EntryProblem = 'encrypted' | 'unsupported-method' | 'crc' | 'inflate' | 'truncated' | 'size' | 'bad-header';

export interface EntryCheck {
  entry: ZipEntry;
  ok: boolean;
  problem?: EntryProblem;
  /** Russian: what is wrong with this entry. */
  message?: string;
}

/** Where the entry's data starts (after its local header), or null when no local header is where the directory says. */
export async function dataOffset(source: ByteSource, entry: ZipEntry): Promise<number | null> {
  const h = await source.read(entry.localHeaderOffset, 30);
  if (h.length < 30 || u32(h, 0) !== 0x04034b50) return null;
  return entry.localHeaderOffset + 30 + u16(h, 26) + u16(h, 28);
}

/** A deflated entry big enough to go through the runtime's own inflater (where it has one). */
export const streamsNatively = (entry: ZipEntry): boolean => entry.method === 8 && entry.compressedSize >= NATIVE_FROM_BYTES && hasNativeInflate();

/**
 * Streams one entry: inflates it slice by slice, hands each piece to onData (if any), checks size and CRC.
 * Memory stays at about two slices whatever the entry's size.
 */
export async function streamEntry(
  source: ByteSource,
  entry: ZipEntry,
  onData?: (chunk: Uint8Array) => void,
  onRead?: (bytes: number) => void,
): Promise<EntryCheck> {
  const fail = (problem: EntryProblem, message: string): EntryCheck => ({ entry, ok: false, problem, message });
  if (entry.encrypted) return fail('encrypted', `Файл «${entry.name}» в архиве защищён паролем: проверить его нельзя. Для портала нужен архив без пароля.`);
  if (entry.method !== 0 && entry.method !== 8) return fail('unsupported-method', `Файл «${entry.name}» сжат неподдерживаемым способом (${entry.method}). Пересоздайте архив обычным сжатием ZIP.`);
  const start = await dataOffset(source, entry);
  if (start === null) return fail('bad-header', `Файл «${entry.name}»: заголовок в архиве повреждён.`);
  if (start + entry.compressedSize > source.size) return fail('truncated', `Файл «${entry.name}» обрывается: архив скачан не полностью.`);

  let crc = 0;
  let produced = 0;
  let overflow = false;
  /** Off while the runtime's zlib checks the CRC (native inflation); off for onData on a second, classifying pass. */
  let crcHere = true;
  let deliver = true;
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    if (produced > entry.size) {
      overflow = true;
      return;
    }
    if (crcHere) crc = crc32(chunk, crc);
    if (deliver) onData?.(chunk);
  };
  try {
    if (entry.method === 0) {
      for (let off = 0; off < entry.compressedSize; off += CHUNK) {
        const piece = await source.read(start + off, Math.min(CHUNK, entry.compressedSize - off));
        onRead?.(piece.length);
        take(piece);
      }
    } else if (streamsNatively(entry)) {
      const sliceAt = async (off: number, len: number) => {
        const slice = await source.read(start + off, len);
        onRead?.(slice.length);
        return slice;
      };
      const takeUntilOver = (chunk: Uint8Array) => {
        take(chunk);
        return !overflow;
      };
      crcHere = false;
      // piece by piece: a read across two of the arriving file's pieces is a copy, small at this size
      const outcome = await inflateNative(entry.compressedSize, sliceAt, NATIVE_PIECE_BYTES, takeUntilOver, { crc32: entry.crc32, size: entry.size });
      if (outcome === 'done') crc = entry.crc32;
      else if (outcome === 'damaged') {
        // zlib says only «damaged»: a damaged entry is inflated once more, plainly, to say how
        crc = 0;
        produced = 0;
        overflow = false;
        crcHere = true;
        deliver = false;
        const plain = await inflateNative(entry.compressedSize, (off, len) => source.read(start + off, len), NATIVE_PIECE_BYTES, takeUntilOver);
        if (plain === 'damaged') throw new Error('inflate');
      }
    } else {
      const inflate = new Inflate((chunk) => {
        if (!overflow) take(chunk);
      });
      let off = 0;
      while (off < entry.compressedSize && !overflow) {
        const len = Math.min(CHUNK, entry.compressedSize - off);
        const slice = await source.read(start + off, len);
        off += len;
        onRead?.(slice.length);
        for (let at = 0; at < slice.length && !overflow; at += INFLATE_PIECE) {
          const end = Math.min(slice.length, at + INFLATE_PIECE);
          inflate.push(slice.subarray(at, end), off >= entry.compressedSize && end === slice.length);
        }
      }
    }
  } catch {
    return fail('inflate', `Файл «${entry.name}» в архиве повреждён: данные не распаковываются. Сформируйте архив заново.`);
  }
  if (overflow) return fail('size', `Файл «${entry.name}» в архиве больше, чем записано в оглавлении: архив повреждён или подделан. Он не распаковывается.`);
  if (produced !== entry.size) return fail('truncated', `Файл «${entry.name}» в архиве короче, чем записано в оглавлении (${produced} из ${entry.size} байт): архив повреждён.`);
  if (crc !== entry.crc32) return fail('crc', `Файл «${entry.name}» в архиве повреждён: контрольная сумма не совпадает. Сформируйте архив заново.`);
  return { entry, ok: true };
}

/** Verifies every entry's CRC, streaming. Progress goes from 0 to 1 over the compressed bytes. */
export async function verifyZip(
  source: ByteSource,
  dir: ZipDirectory,
  onProgress?: (fraction: number) => void,
): Promise<EntryCheck[]> {
  const totalCompressed = dir.entries.reduce((s, e) => s + e.compressedSize, 0) || 1;
  let done = 0;
  const results: EntryCheck[] = [];
  for (const entry of dir.entries) {
    if (entry.directory) {
      results.push({ entry, ok: true });
      continue;
    }
    results.push(
      await streamEntry(source, entry, undefined, (n) => {
        done += n;
        onProgress?.(Math.min(1, done / totalCompressed));
      }),
    );
  }
  onProgress?.(1);
  return results;
}

/** Whole content of one (small) entry, CRC-checked. Throws FormatError when damaged or over maxBytes. */
export async function readEntry(source: ByteSource, entry: ZipEntry, maxBytes = 256 * 1024 ** 2): Promise<Uint8Array> {
  if (entry.size > maxBytes) {
    throw new FormatError('zip-limits', `Файл «${entry.name}» в архиве слишком большой для проверки (${Math.round(entry.size / 1024 ** 2)} МБ).`, entry.name);
  }
  const out = new Uint8Array(entry.size);
  let pos = 0;
  const res = await streamEntry(source, entry, (chunk) => {
    out.set(chunk, pos);
    pos += chunk.length;
  });
  if (!res.ok) throw new FormatError(res.problem === 'encrypted' ? 'zip-encrypted' : 'zip-damaged', res.message ?? DAMAGED, entry.name);
  return out;
}

/** Text of an entry, decoded like any file. */
export async function readEntryText(source: ByteSource, entry: ZipEntry): Promise<string> {
  return decodeText(await readEntry(source, entry)).text;
}
