/**
 * «Файл_N.zip» prepared in ПОС for ССТУ.РФ (seed 004, п. 2.1): at most 100 MB each, every entry's CRC
 * verified while streaming (never the whole archive in memory), entries counted, and — when the entries are
 * JSON or XML — their status records counted for the comparison with the status report.
 */
import { SSTU_ARCHIVE_AGAIN } from '../sstu/archive-advice';
import { inflateSync } from 'fflate';
import { tryZip, type PreparedFile } from '../formats/prepared';
import { streamEntry, streamsNatively, type EntryCheck, type EntryProblem, type ZipEntry } from '../formats/zip';
import type { ByteSource } from '../formats/source';
import { crc32 } from '../formats/crc32';
import type { Finding } from './report';
import type { KindCheck, KindResult } from './types';
import { counterFor } from '../sstu/records';
import { count } from '../sstu/table';

/** «Максимальный размер одного файла архива — 100 МБ». */
export const SSTU_ARCHIVE_LIMIT_BYTES = 100 * 1024 * 1024;

const MAX_ENTRY_FINDINGS = 100;

/** «Файл_3.zip» → 3. */
export function archiveNumber(name: string): number | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const m = /^файл[_\s-]*(\d+)(?:\s*\(\d+\))?\.zip$/i.exec(base.normalize('NFC'));
  return m ? Number(m[1]) : null;
}

/**
 * Where the runtime inflates natively, big entries stream through it (lib/formats/native-inflate.ts). Otherwise
 * entries up to this size (packed and unpacked) are inflated in one call into a buffer of their declared size:
 * as fast as a bare inflate, and at most twice this in memory. Larger entries stream through streamEntry.
 */
export const WHOLE_ENTRY_BYTES = 16 * 1024 * 1024;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

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
  const h = await source.read(entry.localHeaderOffset, 30);
  if (h.length < 30 || h[0] !== 0x50 || h[1] !== 0x4b || h[2] !== 0x03 || h[3] !== 0x04) return streamEntry(source, entry, onData, onRead);
  const start = entry.localHeaderOffset + 30 + u16(h, 26) + u16(h, 28);
  if (start + entry.compressedSize > source.size) return streamEntry(source, entry, onData, onRead);
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

export interface ArchiveDetails {
  number: number | null;
  /** Entries with a CRC or inflate failure, or cut short. */
  damagedEntries: { name: string; problem: EntryProblem; message: string }[];
  /** Password-protected entries (cannot be checked, ССТУ.РФ cannot read them either). */
  encrypted: number;
  /** Entries in a compression method the checker does not know. */
  unsupported: number;
  /** Sum of the entries' sizes after unpacking. */
  unpackedBytes: number;
  /** Status records in the JSON/XML entries; null when the entries are of another kind or not countable. */
  statusRecords: number | null;
  limitBytes: number;
}

const DAMAGE: ReadonlySet<EntryProblem> = new Set(['crc', 'inflate', 'truncated', 'size', 'bad-header']);

/** «2,5 КБ», «99,87 МБ»; with the exact byte count near the limit, where rounding would hide the excess. */
export function sizeText(bytes: number): string {
  if (bytes < 1024 ** 2) return `${Math.max(0.1, bytes / 1024).toFixed(1).replace('.', ',')} КБ`;
  const mbText = `${(bytes / 1024 ** 2).toFixed(2).replace('.', ',')} МБ`;
  return Math.abs(bytes - SSTU_ARCHIVE_LIMIT_BYTES) < 1024 ** 2 ? `${mbText} (${bytes.toLocaleString('ru-RU')} байт)` : mbText;
}

export const sstuArchive: KindCheck = {
  id: 'sstu-archive',
  async detect(file: PreparedFile): Promise<number> {
    if (file.format !== 'zip') return 0;
    if (archiveNumber(file.name) !== null) return 0.9;
    const dir = await tryZip(file);
    if (!dir) return 0;
    const files = dir.entries.filter((e) => !e.directory);
    // An archive of XML entries is what ССТУ.РФ loads; JSON zips belong to the renumbering kinds.
    if (files.length > 0 && files.every((e) => /\.xml$/i.test(e.name))) return 0.3;
    return 0;
  },
  async check(file, ctx): Promise<KindResult> {
    const dir = await file.zip();
    const files = dir.entries.filter((e) => !e.directory);
    const totalCompressed = files.reduce((s, e) => s + e.compressedSize, 0) || 1;
    let done = 0;
    const damagedEntries: ArchiveDetails['damagedEntries'] = [];
    let encrypted = 0;
    let unsupported = 0;
    let unpackedBytes = 0;
    let statusRecords: number | null = files.length > 0 && files.every((e) => counterFor(e.name)) ? 0 : null;
    const scratch = { buf: new Uint8Array(0) };
    for (const entry of files) {
      if (ctx.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      const counter = statusRecords !== null ? counterFor(entry.name) : null;
      const res = await verifyEntry(
        file.source,
        entry,
        counter ? (chunk) => counter.push(chunk) : undefined,
        (n) => {
          done += n;
          ctx.onProgress?.(Math.min(1, done / totalCompressed));
        },
        scratch,
      );
      unpackedBytes += entry.size;
      if (res.ok) {
        if (counter && statusRecords !== null) {
          const n = counter.finish();
          statusRecords = n === null ? null : statusRecords + n;
        }
        continue;
      }
      statusRecords = null;
      if (res.problem === 'encrypted') encrypted++;
      else if (res.problem === 'unsupported-method') unsupported++;
      else if (res.problem && DAMAGE.has(res.problem)) damagedEntries.push({ name: entry.name, problem: res.problem, message: res.message ?? '' });
    }
    ctx.onProgress?.(1);

    const overSizeLimit = file.size > SSTU_ARCHIVE_LIMIT_BYTES;
    const number = archiveNumber(file.name);
    const findings: Finding[] = [];
    if (overSizeLimit) {
      findings.push({
        severity: 'error',
        code: 'archive-over-size-limit',
        message:
          `Архив весит ${sizeText(file.size)} — больше предела в 100 МБ (${SSTU_ARCHIVE_LIMIT_BYTES.toLocaleString('ru-RU')} байт) для одного файла архива ССТУ.РФ. ПОС такие архивы не формирует. ` + SSTU_ARCHIVE_AGAIN,
      });
    }
    for (const d of damagedEntries.slice(0, MAX_ENTRY_FINDINGS)) {
      findings.push({ severity: 'error', code: 'entry-damaged', message: `${d.message} ${SSTU_ARCHIVE_AGAIN}`, where: d.name });
    }
    if (damagedEntries.length > MAX_ENTRY_FINDINGS) {
      findings.push({ severity: 'error', code: 'entry-damaged', message: `И ещё ${count(damagedEntries.length - MAX_ENTRY_FINDINGS, 'повреждённый файл', 'повреждённых файла', 'повреждённых файлов')} в архиве.` });
    }
    if (encrypted > 0) {
      findings.push({
        severity: 'error',
        code: 'archive-encrypted',
        message:
          `Архив защищён паролем (${count(encrypted, 'файл', 'файла', 'файлов')} из ${files.length}): проверить его нельзя, и ССТУ.РФ его не примет. ` +
          'ПОС выдаёт архивы без пароля — скачайте архив заново в разделе «ССТУ.РФ» и загружайте его, не перепаковывая.',
        where: files.find((e) => e.encrypted)?.name,
      });
    }
    if (unsupported > 0) {
      findings.push({
        severity: 'error',
        code: 'entry-unsupported',
        message: `${count(unsupported, 'файл', 'файла', 'файлов')} в архиве сжаты неизвестным способом: архив перепакован не в ПОС. Скачайте его заново в разделе «ССТУ.РФ».`,
      });
    }
    if (files.length === 0) {
      findings.push({
        severity: 'error',
        code: 'archive-empty',
        message: 'Архив пуст: в нём нет ни одного файла. Скачайте файлы заново в разделе «ССТУ.РФ» (кнопка «Скачать файлы»).',
      });
    }
    if (number === null) {
      findings.push({
        severity: 'info',
        code: 'archive-name',
        message: 'Имя архива не похоже на «Файл_N.zip», как его называет ПОС: проверьте, что это архив для ССТУ.РФ, а не другой файл.',
      });
    }
    if (findings.every((f) => f.severity !== 'error')) {
      findings.push({
        severity: 'info',
        code: 'archive-ok',
        message:
          `Архив цел: ${count(files.length, 'файл', 'файла', 'файлов')}, контрольные суммы сходятся, размер ${sizeText(file.size)}` +
          `${statusRecords !== null ? `, записей о статусах — ${statusRecords}` : ''}. Загрузите его в ССТУ.РФ (вне ПОС), а после загрузки всех архивов закройте отчётный период.`,
      });
    }
    const details: ArchiveDetails = { number, damagedEntries, encrypted, unsupported, unpackedBytes, statusRecords, limitBytes: SSTU_ARCHIVE_LIMIT_BYTES };
    return {
      summary: { entries: files.length, bytes: file.size, damaged: damagedEntries.length, overSizeLimit },
      findings,
      details: details as unknown as Record<string, unknown>,
    };
  },
};
