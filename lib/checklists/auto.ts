/**
 * Pure predicates over checked files (CheckReport[], oldest first) that tick checklist steps.
 * They read only the contract's fields (kind, verdict, summary, findings) and, for the period state, the
 * status report's per-ЛКО rows in `details`, whatever shape they come in.
 */
import type { CheckReport } from '../checks/report';
import type { KindId } from '../checks/kinds';
import type { AutoPredicate, AutoState } from './model';
import { countWord } from '../plural';

export function isUnreadable(r: CheckReport): boolean {
  return r.findings.some((f) => f.code === 'unreadable');
}

function lastOf(reports: readonly CheckReport[], kind: KindId, readable = true): CheckReport | undefined {
  for (let i = reports.length - 1; i >= 0; i--) {
    const r = reports[i];
    if (r.kind === kind && (!readable || !isUnreadable(r))) return r;
  }
  return undefined;
}

function allOf(reports: readonly CheckReport[], kind: KindId): CheckReport[] {
  return reports.filter((r) => r.kind === kind);
}

function num(r: CheckReport, key: string): number | null {
  const v = r.summary[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

const VERDICT_WORD = { ok: 'замечаний нет', warn: 'есть что посмотреть', error: 'есть ошибки, требующие действий' } as const;

/** A file of this kind was received (even if unreadable: the step «получить файл» is done). */
export function fileReceived(kind: KindId, what: string): AutoPredicate {
  return (reports) => {
    const r = [...reports].reverse().find((x) => x.kind === kind);
    return r ? { done: true, reason: `${what} получен: «${fileName(r.file)}».`, file: r.file } : null;
  };
}

/** «Проверить файл на наличие ошибок»: a readable file of this kind was checked by the extension. */
export function fileChecked(kind: KindId, what: string): AutoPredicate {
  return (reports) => {
    const r = lastOf(reports, kind);
    if (!r) {
      const broken = lastOf(reports, kind, false);
      return broken
        ? { done: false, reason: `Файл «${fileName(broken.file)}» не удалось прочитать: скачайте его заново и проверьте ещё раз.`, file: broken.file }
        : null;
    }
    return { done: true, reason: `${what} «${fileName(r.file)}» проверен расширением: ${describe(r)}.`, file: r.file };
  };
}

function describe(r: CheckReport): string {
  const s = (k: string) => num(r, k) ?? 0;
  switch (r.kind) {
    case 'erul-renumbering-result':
      return `${countWord(s('total'), 'запись', 'записи', 'записей')}, переприсвоено ${s('renumbered')}, уже в ЕРУЛ ${s('alreadyInErul')}, ошибок ${s('failed')}, ошибок пар ${s('pairingProblems')}`;
    case 'tor-knd-import-result':
      return `${countWord(s('total'), 'запись', 'записи', 'записей')}, успешно ${s('success')}, уже в ЕРУЛ ${s('alreadyInErul')}, ошибок ${s('failed')}`;
    case 'tor-knd-registry-export':
      return `${countWord(s('licences'), 'лицензия', 'лицензии', 'лицензий')} в ${countWord(s('files'), 'файле', 'файлах', 'файлах')}`;
    case 'sstu-unbound-topics':
      return `${countWord(s('topics'), 'тематика', 'тематики', 'тематик')} без привязки к УРОГ, ${countWord(s('rows'), 'сообщение', 'сообщения', 'сообщений')}`;
    case 'sstu-lko-without-id':
      return `${countWord(s('lko'), 'ЛКО', 'ЛКО', 'ЛКО')} без идентификатора`;
    case 'sstu-error-report':
      return `${countWord(s('rows'), 'ошибка', 'ошибки', 'ошибок')} передачи`;
    default:
      return VERDICT_WORD[r.verdict];
  }
}

/** Archives Файл_N.zip downloaded and checked; done when none is damaged or over 100 MB. */
export const archivesChecked: AutoPredicate = (reports) => {
  const archives = allOf(reports, 'sstu-archive');
  if (archives.length === 0) return null;
  const names = [...new Set(archives.map((a) => fileName(a.file)))];
  const latestByName = new Map<string, CheckReport>();
  for (const a of archives) latestByName.set(fileName(a.file), a);
  const bad = [...latestByName.values()].filter((a) => a.verdict === 'error');
  if (bad.length > 0) {
    return {
      done: false,
      reason: `Не в порядке: ${bad.map((a) => `«${fileName(a.file)}»`).join(', ')} — архив повреждён или больше 100 МБ. Скачайте его заново в разделе «ССТУ.РФ».`,
      file: bad[0].file,
    };
  }
  return { done: true, reason: `Скачано и проверено архивов: ${names.length} (${names.join(', ')}), повреждений нет.`, file: archives[archives.length - 1].file };
};

/** The list of unbound topics was checked; done when it has no rows (nothing left to bind). */
export function listClean(kind: 'sstu-unbound-topics' | 'sstu-lko-without-id', what: string): AutoPredicate {
  return (reports) => {
    const r = lastOf(reports, kind);
    if (!r) return null;
    const rows = kind === 'sstu-unbound-topics' ? num(r, 'rows') : num(r, 'lko');
    if (rows === 0) return { done: true, reason: `${what} «${fileName(r.file)}» пуст: исправлять нечего.`, file: r.file };
    return { done: false, reason: `В файле «${fileName(r.file)}» ещё ${describe(r)}. Когда исправите, скачайте перечень заново.`, file: r.file };
  };
}

const YES = /^\s*(да|yes|true|1)\s*$/i;
const CLOSED_KEY = /(отчетный|отчётный)\s+период\s+закрыт|periodclosed|closed/i;

function truthy(v: unknown): boolean {
  return v === true || (typeof v === 'string' && YES.test(v));
}

/** Rows of the per-ЛКО table: the first array of plain objects in details that has a «…период закрыт» field. */
function lkoRows(r: CheckReport): Record<string, unknown>[] {
  const d = r.details ?? {};
  for (const key of ['lko', 'rows', 'lkoRows', 'perLko', ...Object.keys(d)]) {
    const v = d[key];
    if (!Array.isArray(v) || v.length === 0) continue;
    if (!v.every((x) => x && typeof x === 'object' && !Array.isArray(x))) continue;
    const rows = v as Record<string, unknown>[];
    if (rows.some((row) => Object.keys(row).some((k) => CLOSED_KEY.test(k)))) return rows;
  }
  return [];
}

/**
 * Whether a status report («Статус выгрузки и загрузки данных…») shows the reporting period closed:
 * `summary.periodClosed` / `details.periodClosed` when the check states it, else every per-ЛКО row with «Да» in a
 * «…отчетный период закрыт» column (manual or API). null when the report says nothing about it.
 */
export function periodClosed(r: CheckReport): boolean | null {
  for (const v of [r.summary.periodClosed, r.details?.periodClosed]) if (typeof v === 'boolean') return v;
  const rows = lkoRows(r);
  const withFlag = rows.filter((row) => Object.keys(row).some((k) => CLOSED_KEY.test(k)));
  if (withFlag.length === 0) return null;
  return withFlag.every((row) => Object.entries(row).some(([k, v]) => CLOSED_KEY.test(k) && truthy(v)));
}

/** «Закрыть отчетный период»: the latest status report shows it closed. */
export const periodClosedTick: AutoPredicate = (reports) => {
  const r = lastOf(reports, 'sstu-upload-status');
  if (!r) return null;
  const closed = periodClosed(r);
  if (closed === true) return { done: true, reason: `По файлу «${fileName(r.file)}» отчетный период закрыт.`, file: r.file };
  if (closed === false) return { done: false, reason: `По файлу «${fileName(r.file)}» отчетный период ещё не закрыт.`, file: r.file };
  return null;
};

/** Every ЛКО of the tree uploaded (status report: succeeded = total, none failed, summary agrees with rows). */
export const allLkoUploaded: AutoPredicate = (reports) => {
  const r = lastOf(reports, 'sstu-upload-status');
  if (!r) return null;
  const total = num(r, 'totalLko');
  const ok = num(r, 'succeeded');
  const notUploaded = num(r, 'notUploaded') ?? 0;
  const withErrors = num(r, 'withErrors') ?? 0;
  if (total === null || ok === null) return null;
  if (r.summary.consistent === false) {
    return { done: false, reason: `В файле «${fileName(r.file)}» итоговые строки не сходятся со строками по ЛКО: скачайте статус заново.`, file: r.file };
  }
  if (ok === total && notUploaded === 0 && withErrors === 0) {
    return { done: true, reason: `По файлу «${fileName(r.file)}» все ${total} ЛКО выгрузили данные успешно.`, file: r.file };
  }
  return {
    done: false,
    reason: `По файлу «${fileName(r.file)}»: успешно ${ok} из ${total} ЛКО, не выгрузили ${notUploaded}, с ошибками ${withErrors}.`,
    file: r.file,
  };
};

/** After an API transfer: no «Отчет с ошибками» rows, or the status report shows every ЛКО succeeded. */
export const noTransferErrors: AutoPredicate = (reports) => {
  const errors = lastOf(reports, 'sstu-error-report');
  if (errors) {
    const rows = num(errors, 'rows') ?? 0;
    if (rows > 0) {
      return { done: false, reason: `В «${fileName(errors.file)}» ${describe(errors)}: обратитесь в поддержку Оператора ПОС (п. 7).`, file: errors.file };
    }
    return { done: true, reason: `Отчёт с ошибками «${fileName(errors.file)}» пуст.`, file: errors.file };
  }
  const status = allLkoUploaded(reports);
  return status && status.done ? status : null;
};

export function combine(...preds: AutoPredicate[]): AutoPredicate {
  return (reports) => {
    let first: AutoState | null = null;
    for (const p of preds) {
      const s = p(reports);
      if (s?.done) return s;
      first ??= s;
    }
    return first;
  };
}
