/**
 * «Файл_N.zip» prepared in ПОС for ССТУ.РФ (seed 004, п. 2.1): at most 100 MB each, every entry's CRC
 * verified while streaming (never the whole archive in memory), entries counted, and — when the entries are
 * JSON or XML — their status records counted for the comparison with the status report.
 */
import { SSTU_ARCHIVE_AGAIN } from '../sstu/archive-advice';
import { tryZip, type PreparedFile } from '../formats/prepared';
import type { EntryProblem, ZipEntry } from '../formats/zip';
import type { ByteSource } from '../formats/source';
import { checkArchiveEntry, cutEntry, helperTakes, type ArchiveEntryHelper, type EntryOutcome } from './archive-entry';
import type { Finding } from './report';
import type { CheckContext, KindCheck, KindResult } from './types';
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

/**
 * Every entry's outcome, in the archive's order. With a helper in the context, two go at once: this thread
 * takes the next entry in place while the helper checks the next one it can take, and so on to the end.
 */
async function checkEntries(
  source: ByteSource,
  files: readonly ZipEntry[],
  countRecords: boolean,
  onRead: (bytes: number) => void,
  ctx: CheckContext,
): Promise<EntryOutcome[]> {
  const outcomes: EntryOutcome[] = new Array(files.length);
  const claimed = new Uint8Array(files.length);
  const scratch = { buf: new Uint8Array(0) };
  const stopIfAsked = () => {
    if (ctx.signal?.aborted) throw new DOMException('aborted', 'AbortError');
  };
  // each lane's cursor only moves forward: claiming stays linear in the number of entries
  let hereAt = 0;
  const here = async () => {
    for (;;) {
      while (hereAt < files.length && claimed[hereAt]) hereAt++;
      if (hereAt >= files.length) return;
      const i = hereAt;
      claimed[i] = 1;
      stopIfAsked();
      outcomes[i] = await checkArchiveEntry(source, files[i], countRecords, onRead, scratch);
    }
  };
  let helperAt = 0;
  let hereDone = false;
  const helped = async (helper: ArchiveEntryHelper, allHere: Promise<void>) => {
    await Promise.race([helper.ready, allHere]);
    for (;;) {
      if (hereDone) return;
      while (helperAt < files.length && (claimed[helperAt] || !helperTakes(files[helperAt]))) helperAt++;
      if (helperAt >= files.length) return;
      const i = helperAt;
      claimed[i] = 1;
      stopIfAsked();
      const packed = await cutEntry(source, files[i]);
      if (packed) {
        try {
          outcomes[i] = await helper.check(packed, countRecords);
          // counted when it is done, not when it is handed over: the bar does not run ahead of the check
          onRead(files[i].compressedSize);
          continue;
        } catch {
          // the helper is gone: this entry and the rest are checked here
        }
      }
      outcomes[i] = await checkArchiveEntry(source, files[i], countRecords, onRead);
      if (packed) return;
    }
  };
  const allHere = here().finally(() => (hereDone = true));
  await Promise.all(ctx.entryHelper && files.length > 1 ? [allHere, helped(ctx.entryHelper, allHere)] : [allHere]);
  return outcomes;
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
    const countRecords = files.length > 0 && files.every((e) => counterFor(e.name));
    let statusRecords: number | null = countRecords ? 0 : null;
    const read = (n: number) => {
      done += n;
      ctx.onProgress?.(Math.min(1, done / totalCompressed));
    };
    const outcomes = await checkEntries(file.source, files, countRecords, read, ctx);
    files.forEach((entry, i) => {
      const res = outcomes[i];
      unpackedBytes += entry.size;
      if (res.ok) {
        if (countRecords && statusRecords !== null) statusRecords = res.records === null ? null : statusRecords + res.records;
        return;
      }
      statusRecords = null;
      if (res.problem === 'encrypted') encrypted++;
      else if (res.problem === 'unsupported-method') unsupported++;
      else if (res.problem && DAMAGE.has(res.problem)) damagedEntries.push({ name: entry.name, problem: res.problem, message: res.message ?? '' });
    });
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
