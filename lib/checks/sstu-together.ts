/**
 * Cross-file steps of the ССТУ.РФ export: archives numbered Файл_1…Файл_N without gaps, and the status
 * records in the archives against «Количество статусов, требуемых к передаче в ССТУ» of the status report.
 * Both are `info` findings: the contract's verdicts for archives depend on damage and size only.
 */
import type { CheckReport } from './report';
import type { TogetherStep } from './types';
import type { ArchiveDetails } from './sstu-archive';
import type { UploadStatusDetails } from './sstu-upload-status';
import { count, listShort } from '../sstu/table';

function archiveDetails(r: CheckReport): ArchiveDetails | null {
  return r.kind === 'sstu-archive' && r.details && 'number' in r.details ? (r.details as unknown as ArchiveDetails) : null;
}

/** Numbers missing between 1 and the largest number given. */
export function missingNumbers(numbers: readonly number[]): number[] {
  if (numbers.length === 0) return [];
  const have = new Set(numbers);
  const max = Math.max(...numbers);
  const out: number[] = [];
  for (let n = 1; n <= max; n++) if (!have.has(n)) out.push(n);
  return out;
}

export const sstuArchiveNumbering: TogetherStep = (reports) => {
  const archives = reports.filter((r) => archiveDetails(r)?.number != null);
  if (archives.length < 2) return;
  const numbers = archives.map((r) => archiveDetails(r)!.number!);
  const missing = missingNumbers(numbers);
  const dupes = [...new Set(numbers.filter((n, i) => numbers.indexOf(n) !== i))];
  for (const r of archives) {
    if (missing.length) {
      r.findings.push({
        severity: 'info',
        code: 'archive-numbering-gap',
        message:
          `Среди проверенных архивов нет ${listShort(missing.map((n) => `Файл_${n}.zip`), 10)}: ПОС нумерует архивы подряд с Файл_1.zip. ` +
          'Если пропущенные архивы не скачаны — скачайте их в разделе «ССТУ.РФ»: в ССТУ.РФ нужно загрузить все архивы за период.',
      });
    }
    if (dupes.length) {
      r.findings.push({
        severity: 'info',
        code: 'archive-numbering-duplicate',
        message: `Архив с номером ${dupes.join(', ')} проверен несколько раз (возможно, скачан повторно): загружайте в ССТУ.РФ каждый архив один раз.`,
      });
    }
    if (r.details) r.details.batch = { numbers: [...numbers].sort((a, b) => a - b), missing, duplicates: dupes };
  }
};

export const sstuStatusRecordsAgainstReport: TogetherStep = (reports) => {
  const status = reports.find((r) => r.kind === 'sstu-upload-status' && typeof (r.details as Partial<UploadStatusDetails> | undefined)?.requiredStatuses === 'number');
  const archives = reports.filter((r) => archiveDetails(r));
  if (!status || archives.length === 0) return;
  const required = (status.details as unknown as UploadStatusDetails).requiredStatuses!;
  const counts = archives.map((r) => archiveDetails(r)!.statusRecords);
  if (counts.some((c) => c === null)) return;
  const total = counts.reduce<number>((s, c) => s + (c ?? 0), 0);
  const gap = missingNumbers(archives.map((r) => archiveDetails(r)!.number ?? 0).filter((n) => n > 0));
  for (const r of archives) {
    r.findings.push(
      total === required
        ? {
            severity: 'info',
            code: 'status-records-match',
            message: `В архивах ${count(total, 'запись', 'записи', 'записей')} о статусах — столько же, сколько требуется передать в ССТУ.РФ по отчёту «Статус выгрузки и загрузки данных».`,
          }
        : {
            severity: 'info',
            code: 'status-records-mismatch',
            message:
              `В проверенных архивах ${count(total, 'запись', 'записи', 'записей')} о статусах, а по отчёту «Статус выгрузки и загрузки данных» в ССТУ.РФ нужно передать ${required}.` +
              (gap.length ? ' Проверены не все архивы: добавьте недостающие.' : ' Сверьте, все ли архивы за период скачаны, и сформируйте их заново, если расхождение останется.'),
          },
    );
  }
};

export const SSTU_TOGETHER_STEPS: TogetherStep[] = [sstuArchiveNumbering, sstuStatusRecordsAgainstReport];
