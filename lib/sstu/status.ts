/**
 * The status report's two parts (seed 004, п. 4, 5.1, 6.1): the summary rows («Всего ЛКО», «Успешно
 * осуществили выгрузку», «Не осуществили выгрузку», «Осуществили выгрузку с ошибками») and one status per ЛКО
 * from its API and manual-archive columns.
 */
import { normaliseHeader, type Sheet } from '../formats/sheet';
import { STATUS_SUMMARY_LABELS, type StatusSummaryKey } from './columns';
import { cleanText, normValue, parseNumber, parsePercent } from './table';

export type LkoOutcome = 'succeeded' | 'notUploaded' | 'withErrors';

export type ApiState = 'success' | 'errors' | 'inProgress' | 'none' | 'unknown';
export type ManualState = 'success' | 'errors' | 'inProgress' | 'none' | 'unknown';

export function apiStateOf(s: string): ApiState {
  const v = normValue(s);
  if (v === '' || v === '-' || v === '—') return 'none';
  if (v.startsWith('успешно')) return 'success';
  if (v.includes('с ошибками')) return 'errors';
  if (v.startsWith('в процессе') || v.startsWith('выполняется')) return 'inProgress';
  if (v.startsWith('не производ') || v.startsWith('не выполн')) return 'none';
  return 'unknown';
}

export function manualStateOf(s: string): ManualState {
  const v = normValue(s);
  if (v === '' || v === '-' || v === '—') return 'none';
  if (v.includes('с ошибками')) return 'errors';
  if (v.includes('успешно')) return 'success';
  if (v.startsWith('производится') || v.startsWith('в процессе')) return 'inProgress';
  if (v.startsWith('не производ')) return 'none';
  return 'unknown';
}

/** One status per ЛКО: success through either channel wins, then errors, otherwise not uploaded. */
export function outcomeOf(api: ApiState, manual: ManualState): LkoOutcome {
  if (api === 'success' || manual === 'success') return 'succeeded';
  if (api === 'errors' || manual === 'errors') return 'withErrors';
  return 'notUploaded';
}

export interface SummaryFigure {
  value: number;
  percent: number | null;
  /** 0-based row and column of the label. */
  row: number;
  col: number;
}

export type StatusSummaryRows = Partial<Record<StatusSummaryKey, SummaryFigure>>;

// Longest labels first: «Не осуществили…» and «Успешно осуществили…» both contain «осуществили выгрузку».
const LABEL_ORDER: readonly StatusSummaryKey[] = ['notUploaded', 'withErrors', 'succeeded', 'totalLko'];

function labelOf(cell: string): { key: StatusSummaryKey; rest: string } | null {
  const c = normaliseHeader(cell);
  if (!c) return null;
  for (const key of LABEL_ORDER) {
    const l = normaliseHeader(STATUS_SUMMARY_LABELS[key]);
    if (c.startsWith(l)) return { key, rest: c.slice(l.length) };
  }
  return null;
}

/** "5", "3 (60%)", "3 / 60 %", "— 3" → count and percent. */
function figuresIn(text: string): { value: number | null; percent: number | null } {
  const t = text.replace(/\u00a0/g, ' ');
  const pct = /(\d+(?:[.,]\d+)?)\s*%/.exec(t);
  const withoutPct = pct ? t.replace(pct[0], ' ') : t;
  const num = /(?:^|[^\d.,])(\d{1,3}(?: \d{3})+|\d+)(?![\d.,])/.exec(withoutPct);
  return {
    value: num ? Number(num[1].replace(/ /g, '')) : null,
    percent: pct ? Number(pct[1].replace(',', '.')) : null,
  };
}

/**
 * Finds the four summary figures anywhere in the sheet's first and last rows: the number may follow the
 * label in the same cell («Всего ЛКО: 5»), sit in a cell to its right (with a percentage cell after it), or
 * sit under the label (labels as column titles).
 */
export function readStatusSummary(sheet: Sheet): StatusSummaryRows {
  const out: StatusSummaryRows = {};
  const n = sheet.rows.length;
  const rowsToScan: number[] = [];
  for (let r = 0; r < Math.min(n, 80); r++) rowsToScan.push(r);
  for (let r = Math.max(80, n - 40); r < n; r++) rowsToScan.push(r);
  for (const r of rowsToScan) {
    const row = sheet.rows[r];
    for (let c = 0; c < row.length; c++) {
      const label = labelOf(row[c] ?? '');
      if (!label || out[label.key]) continue;
      let { value, percent } = figuresIn(label.rest);
      if (value === null) {
        for (let k = c + 1; k < row.length; k++) {
          const cell = cleanText(row[k] ?? '');
          if (!cell) continue;
          if (labelOf(cell)) break;
          if (cell.includes('%')) {
            if (percent === null) percent = parsePercent(cell);
            continue;
          }
          const f = figuresIn(cell);
          if (f.value !== null && value === null) {
            value = f.value;
            if (f.percent !== null) percent = f.percent;
            continue;
          }
          if (value !== null && percent === null) {
            const p = parsePercent(cell);
            if (p !== null) percent = p;
          }
          break;
        }
      }
      if (value === null) {
        const below = cleanText(sheet.rows[r + 1]?.[c] ?? '');
        const f = figuresIn(below);
        if (f.value !== null && !labelOf(below)) {
          value = f.value;
          percent = percent ?? f.percent;
        }
      }
      if (value !== null) out[label.key] = { value, percent, row: r, col: c };
    }
  }
  return out;
}

/** Rows that hold summary labels: never ЛКО rows. */
export function summaryRowIndices(summary: StatusSummaryRows): Set<number> {
  return new Set(Object.values(summary).map((f) => f.row));
}

/** Whether a percentage agrees with part/whole (rounding of the shown precision allowed). */
export function percentAgrees(percent: number, part: number, whole: number): boolean {
  if (whole <= 0) return percent === 0 || percent === 100;
  const exact = (part / whole) * 100;
  return Math.abs(exact - percent) < 1;
}

export function parseCount(s: string): number | null {
  const n = parseNumber(s);
  return n === null || n < 0 ? null : n;
}

export function yes(s: string): boolean | null {
  const v = normValue(s);
  if (v === 'да') return true;
  if (v === 'нет') return false;
  return null;
}
