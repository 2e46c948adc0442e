/**
 * «Статус выгрузки и загрузки данных по своей и дочерним организациям в ССТУ.РФ»: the summary figures as the
 * report states them, one status per ЛКО from its rows, whether the two agree, whether the percentages agree
 * with the counts, and each ЛКО that has not uploaded or uploaded with errors — and why.
 */
import { cellAddress } from '../formats/sheet';
import type { Finding } from './report';
import type { KindCheck, KindResult } from './types';
import { detectSstu, locate, periodOf, sheetWhere } from './sstu-detect';
import { cleanText, count, isBlank, listShort, parsePercent, tableRows } from '../sstu/table';
import {
  apiStateOf,
  manualStateOf,
  outcomeOf,
  parseCount,
  percentAgrees,
  readStatusSummary,
  summaryRowIndices,
  yes,
  type ApiState,
  type LkoOutcome,
  type ManualState,
} from '../sstu/status';
import type { StatusSummaryKey } from '../sstu/columns';
import { STATUS_SUMMARY_LABELS } from '../sstu/columns';
import { errorTypeOf, retryOf } from './sstu-error-report';

const MAX_LKO_FINDINGS = 300;

export interface StatusLko {
  row: number;
  id: string;
  name: string;
  outcome: LkoOutcome;
  api: string;
  apiState: ApiState;
  errorType: string;
  retry: string;
  manual: string;
  manualState: ManualState;
  required: number | null;
  apiCount: number | null;
  apiPercent: number | null;
  manualCount: number | null;
  manualPercent: number | null;
  /** «Да» in either «…отчетный период закрыт» column. */
  closed: boolean;
  closedDate: string;
  confirmedBy: string;
  /** Russian: why this ЛКО is not counted as succeeded (empty when it is). */
  reason: string;
}

export interface UploadStatusDetails {
  lko: StatusLko[];
  /** The summary rows as found; a figure the report does not state is absent. */
  stated: Partial<Record<StatusSummaryKey, { value: number; percent: number | null }>>;
  /** The same four figures counted from the per-ЛКО rows. */
  counted: Record<StatusSummaryKey, number>;
  /** Sum of «Количество статусов, требуемых к передаче в ССТУ» over the rows (null when the column is absent). */
  requiredStatuses: number | null;
  /** Every ЛКО row says the period is closed. */
  periodClosed: boolean;
  /** «YYYY-MM» of the reporting period when the title or the file name gives it. */
  period: string | null;
  sheet: string;
}

function reasonOf(l: Omit<StatusLko, 'reason'>): string {
  if (l.outcome === 'succeeded') return '';
  const parts: string[] = [];
  if (l.api) {
    let api = `автоматическая загрузка (API): «${l.api}»`;
    const extra = [!isBlank(l.errorType) ? l.errorType : '', !isBlank(l.retry) ? `повторная отправка: ${l.retry}` : ''].filter(Boolean);
    if (extra.length) api += ` (${extra.join('; ')})`;
    parts.push(api);
  }
  if (l.manual) parts.push(`выгрузка архива вручную: «${l.manual}»`);
  if (parts.length === 0) parts.push('в отчёте не указано ни состояние автоматической загрузки, ни выгрузки архива');
  return parts.join('; ');
}

function adviceOf(l: StatusLko): string {
  if (l.outcome === 'withErrors') {
    if (l.apiState === 'errors') {
      const type = errorTypeOf(l.errorType);
      const retry = retryOf(l.retry);
      if (type === 'connection' && retry === 'expected') return 'ПОС повторит отправку сам: проверьте статус позже.';
      return 'Администратору ЛКО нужно скачать «Отчет с ошибками», устранить причины и повторить отправку; при ошибках связи — обратиться в поддержку Оператора ПОС.';
    }
    return 'Архив выгружен с ошибками: администратору ЛКО нужно устранить ошибки и выгрузить архив заново.';
  }
  if (l.apiState === 'inProgress' || l.manualState === 'inProgress') return 'Выгрузка ещё идёт: проверьте статус позже, до 5-го числа.';
  return 'Администратору ЛКО нужно выгрузить данные (архивом или через API) до 5-го числа.';
}

const OUTCOME_TEXT: Record<LkoOutcome, string> = {
  succeeded: 'успешно выгрузило данные',
  notUploaded: 'не выгрузило данные',
  withErrors: 'выгрузило данные с ошибками',
};

export const sstuUploadStatus: KindCheck = {
  id: 'sstu-upload-status',
  detect: (file) => detectSstu(file, 'sstu-upload-status'),
  async check(file): Promise<KindResult> {
    const { sheet, header, title } = await locate(file, 'sstu-upload-status');
    let summaryRows = readStatusSummary(sheet);
    if (Object.keys(summaryRows).length === 0) {
      // the summary may sit on a sheet of its own
      for (const other of await file.sheets()) {
        if (other === sheet) continue;
        const found = readStatusSummary(other);
        if (Object.keys(found).length) {
          summaryRows = Object.fromEntries(Object.entries(found).map(([k, f]) => [k, { ...f, row: -1 - f.row }]));
          break;
        }
      }
    }
    const skip = summaryRowIndices(summaryRows);
    const col = header.columns;
    const lko: StatusLko[] = [];
    const findings: Finding[] = [];
    const percentProblems: string[] = [];
    let requiredSum: number | null = 'required' in col ? 0 : null;
    const rows = Object.keys(col).length ? tableRows(sheet, header) : [];
    for (const r of rows) {
      if (skip.has(r.index)) continue;
      const c = r.cells;
      const id = cleanText(c.lkoId ?? '');
      const name = cleanText(c.lkoName ?? '');
      if (!id && !name) continue;
      const api = cleanText(c.api ?? '');
      const manual = cleanText(c.manual ?? '');
      const apiState = apiStateOf(api);
      const manualState = manualStateOf(manual);
      const required = parseCount(c.required ?? '');
      const apiCount = parseCount(c.apiCount ?? '');
      const manualCount = parseCount(c.manualCount ?? '');
      const apiPercent = parsePercent(c.apiPercent ?? '');
      const manualPercent = parsePercent(c.manualPercent ?? '');
      if (requiredSum !== null && required !== null) requiredSum += required;
      const closed = yes(c.apiClosed ?? '') === true || yes(c.manualClosed ?? '') === true;
      const base = {
        row: r.index,
        id,
        name,
        outcome: outcomeOf(apiState, manualState),
        api,
        apiState,
        errorType: cleanText(c.errorType ?? ''),
        retry: cleanText(c.retry ?? ''),
        manual,
        manualState,
        required,
        apiCount,
        apiPercent,
        manualCount,
        manualPercent,
        closed,
        closedDate: cleanText((yes(c.apiClosed ?? '') ? c.apiDate : c.manualDate) ?? ''),
        confirmedBy: cleanText(c.confirmedBy ?? ''),
      };
      lko.push({ ...base, reason: reasonOf(base) });
      const label = name || id;
      if (required !== null && apiCount !== null && apiPercent !== null && !percentAgrees(apiPercent, apiCount, required)) {
        percentProblems.push(`«${label}»: через API ${apiCount} из ${required}, а процент — ${apiPercent}%`);
      }
      if (required !== null && manualCount !== null && manualPercent !== null && !percentAgrees(manualPercent, manualCount, required)) {
        percentProblems.push(`«${label}»: вручную ${manualCount} из ${required}, а процент — ${manualPercent}%`);
      }
    }

    const counted: Record<StatusSummaryKey, number> = {
      totalLko: lko.length,
      succeeded: lko.filter((l) => l.outcome === 'succeeded').length,
      notUploaded: lko.filter((l) => l.outcome === 'notUploaded').length,
      withErrors: lko.filter((l) => l.outcome === 'withErrors').length,
    };
    const stated: UploadStatusDetails['stated'] = {};
    for (const [k, f] of Object.entries(summaryRows) as [StatusSummaryKey, { value: number; percent: number | null }][]) {
      stated[k] = { value: f.value, percent: f.percent };
    }
    const keys = Object.keys(STATUS_SUMMARY_LABELS) as StatusSummaryKey[];
    const anyStated = keys.some((k) => stated[k]);
    const figures = Object.fromEntries(keys.map((k) => [k, stated[k]?.value ?? counted[k]])) as Record<StatusSummaryKey, number>;
    const disagreements = keys.filter((k) => stated[k] && stated[k]!.value !== counted[k]);
    const consistent = disagreements.length === 0;

    if (!anyStated) {
      findings.push({
        severity: 'info',
        code: 'summary-missing',
        message: 'В отчёте не найдены итоговые строки («Всего ЛКО», «Успешно осуществили выгрузку»…): цифры посчитаны по строкам ЛКО.',
      });
    } else {
      const missing = keys.filter((k) => !stated[k]);
      if (missing.length) {
        findings.push({
          severity: 'info',
          code: 'summary-incomplete',
          message: `В итоговых строках нет ${missing.map((k) => `«${STATUS_SUMMARY_LABELS[k]}»`).join(', ')}: эти цифры посчитаны по строкам ЛКО.`,
        });
      }
    }
    if (!consistent) {
      const f0 = summaryRows[disagreements[0]];
      findings.push({
        severity: 'error',
        code: 'summary-mismatch',
        message:
          'Итоговые строки отчёта не сходятся со строками по ЛКО: ' +
          disagreements.map((k) => `«${STATUS_SUMMARY_LABELS[k]}» — в итогах ${stated[k]!.value}, по строкам ${counted[k]}`).join('; ') +
          '. Отчёту в таком виде верить нельзя: скачайте его заново; если расхождение останется — сообщите в поддержку Оператора ПОС.',
        ...(f0 && f0.row >= 0 ? { where: sheetWhere(sheet, cellAddress(f0.row, f0.col)) } : {}),
      });
    }
    const total = stated.totalLko?.value;
    if (total !== undefined && stated.succeeded && stated.notUploaded && stated.withErrors) {
      const sum = stated.succeeded.value + stated.notUploaded.value + stated.withErrors.value;
      if (sum !== total) {
        findings.push({
          severity: 'info',
          code: 'summary-sum-mismatch',
          message: `В итоговых строках сумма (${stated.succeeded.value} + ${stated.notUploaded.value} + ${stated.withErrors.value} = ${sum}) не равна «Всего ЛКО» (${total}).`,
        });
      }
      for (const k of ['succeeded', 'notUploaded', 'withErrors'] as const) {
        const p = stated[k]!.percent;
        if (p !== null && !percentAgrees(p, stated[k]!.value, total)) {
          percentProblems.push(`«${STATUS_SUMMARY_LABELS[k]}»: ${stated[k]!.value} из ${total}, а процент — ${p}%`);
        }
      }
    }
    if (percentProblems.length) {
      findings.push({
        severity: 'info',
        code: 'percent-mismatch',
        message: `Проценты не сходятся с количеством: ${percentProblems.slice(0, 10).join('; ')}${percentProblems.length > 10 ? ` и ещё ${percentProblems.length - 10}` : ''}.`,
      });
    }

    const odd = lko.filter((l) => l.apiState === 'unknown' || l.manualState === 'unknown');
    if (odd.length) {
      findings.push({
        severity: 'info',
        code: 'status-value-unknown',
        message:
          `У ${count(odd.length, 'ЛКО', 'ЛКО', 'ЛКО')} состояние загрузки записано непривычно (${listShort(odd.map((l) => `«${l.apiState === 'unknown' ? l.api : l.manual}»`), 3)}): ` +
          'такие ЛКО считаются не выгрузившими данные. Проверьте их в разделе «ССТУ.РФ».',
        where: sheetWhere(sheet, cellAddress(odd[0].row, col.lkoId ?? 0)),
      });
    }
    const bad = lko.filter((l) => l.outcome !== 'succeeded');
    const everySucceeded = figures.succeeded === figures.totalLko && figures.notUploaded === 0 && figures.withErrors === 0 && bad.length === 0;
    const shown = consistent ? figures : counted;
    if (!everySucceeded) {
      findings.push({
        severity: 'error',
        code: 'upload-incomplete',
        message:
          `Выгрузка в ССТУ.РФ не завершена: ${consistent ? '' : 'по строкам ЛКО '}из ${count(shown.totalLko, 'ЛКО', 'ЛКО', 'ЛКО')} успешно — ${shown.succeeded}, ` +
          `не выгрузили — ${shown.notUploaded}, с ошибками — ${shown.withErrors}. Данные нужно передать до 5-го числа.`,
      });
    }
    for (const l of bad.slice(0, MAX_LKO_FINDINGS)) {
      findings.push({
        severity: 'error',
        code: l.outcome === 'withErrors' ? 'lko-upload-errors' : 'lko-not-uploaded',
        message: `ЛКО «${l.name || l.id}» (ИД ${l.id || '—'}) ${OUTCOME_TEXT[l.outcome]}: ${l.reason}. ${adviceOf(l)}`,
        where: sheetWhere(sheet, cellAddress(l.row, col.lkoId ?? 0)),
      });
    }
    if (bad.length > MAX_LKO_FINDINGS) {
      findings.push({ severity: 'error', code: 'lko-not-uploaded', message: `И ещё ${count(bad.length - MAX_LKO_FINDINGS, 'ЛКО', 'ЛКО', 'ЛКО')}: полный список — в отчёте.` });
    }
    const periodClosed = lko.length > 0 && lko.every((l) => l.closed);
    if (everySucceeded && consistent) {
      findings.push({
        severity: 'info',
        code: 'upload-complete',
        message:
          `Все ${count(figures.totalLko, 'ЛКО', 'ЛКО', 'ЛКО')} успешно выгрузили данные в ССТУ.РФ.` +
          (periodClosed ? ' Отчётный период закрыт.' : ' Если данные загружены архивами — закройте отчётный период переключателем «Отчетный период закрыт».'),
      });
    }
    const details: UploadStatusDetails = { lko, stated, counted, requiredStatuses: requiredSum, periodClosed, period: periodOf(title, file.name), sheet: sheet.name };
    return {
      summary: { ...figures, consistent },
      findings,
      details: details as unknown as Record<string, unknown>,
    };
  },
};
