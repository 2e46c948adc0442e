/**
 * Which ПОС «ССТУ.РФ» report a spreadsheet is. Decided once per file (memoised) by the columns found in the
 * header row, then by the title above it and the file name, so that the five report kinds never compete:
 * the status report has an ЛКО id and name too, the error report has category columns too, and so on.
 */
import { quote } from '../quote';
import { findHeader, normaliseHeader, type HeaderMatch, type Sheet } from '../formats/sheet';
import { trySheets, type PreparedFile } from '../formats/prepared';
import { FormatError } from '../formats/errors';
import { htmlVisibleText } from '../formats/sheet';
import {
  ERROR_REPORT_COLUMNS,
  LKO_WITHOUT_ID_COLUMNS,
  STATUS_COLUMNS,
  STATUS_COUNT_COLUMNS,
  STATUS_SUMMARY_LABELS,
  TITLES,
  UNBOUND_COLUMNS,
} from '../sstu/columns';
import { normValue, titleText } from '../sstu/table';
import { parsePeriod, periodKey } from '../sstu/deadline';
import type { KindId } from './kinds';

export type SstuReportKind = Extract<KindId, 'sstu-unbound-topics' | 'sstu-lko-without-id' | 'sstu-upload-status' | 'sstu-error-report'> | 'sstu-status-count';

export interface Located {
  sheet: Sheet;
  header: HeaderMatch;
  /** Normalised text above the header row. */
  title: string;
}

export interface Classified {
  kind: SstuReportKind;
  score: number;
  /** Absent when only the file name says what the report should be (it then fails to read). */
  located?: Located;
}

const SHEET_FORMATS = new Set(['ole', 'xlsx', 'html']);

/** What the file name (or the title text) says the report is. */
export function kindByTitle(text: string): SstuReportKind | null {
  const t = normValue(text).replace(/[_]+/g, ' ');
  if (t.includes(TITLES.statusCount)) return 'sstu-status-count';
  if (t.includes(TITLES.status)) return 'sstu-upload-status';
  if (t.includes(TITLES.lkoWithoutId)) return 'sstu-lko-without-id';
  if (t.includes(TITLES.unbound)) return 'sstu-unbound-topics';
  if (TITLES.errors.some((e) => t.includes(e))) return 'sstu-error-report';
  return null;
}

/** True when a sheet has at least two of the status report's summary labels. */
export function hasStatusSummary(sheet: Sheet): boolean {
  const labels = Object.values(STATUS_SUMMARY_LABELS).map(normaliseHeader);
  const seen = new Set<string>();
  const limit = Math.min(sheet.rows.length, 80);
  for (let r = 0; r < limit; r++) {
    for (const cell of sheet.rows[r]) {
      if (!cell) continue;
      const c = normaliseHeader(cell);
      for (const l of labels) if (c.startsWith(l)) seen.add(l);
    }
  }
  // the tail too: summary rows may follow the table
  for (let r = Math.max(limit, sheet.rows.length - 20); r < sheet.rows.length; r++) {
    for (const cell of sheet.rows[r]) {
      if (!cell) continue;
      const c = normaliseHeader(cell);
      for (const l of labels) if (c.startsWith(l)) seen.add(l);
    }
  }
  return seen.size >= 2;
}

function classifySheet(sheet: Sheet, nameKind: SstuReportKind | null): Classified | null {
  const candidates: Classified[] = [];
  const status = findHeader(sheet.rows, STATUS_COLUMNS);
  if (status && ('api' in status.columns || 'manual' in status.columns)) {
    candidates.push({ kind: 'sstu-upload-status', score: 0.9, located: { sheet, header: status, title: titleText(sheet, status.row) } });
  } else if (hasStatusSummary(sheet)) {
    const header = status ?? { row: sheet.rows.length, columns: {} };
    candidates.push({ kind: 'sstu-upload-status', score: 0.7, located: { sheet, header, title: titleText(sheet, Math.min(header.row, 30)) } });
  }
  const errors = findHeader(sheet.rows, ERROR_REPORT_COLUMNS);
  if (errors && ('category' in errors.columns || 'number' in errors.columns || 'reason' in errors.columns)) {
    candidates.push({ kind: 'sstu-error-report', score: 0.85, located: { sheet, header: errors, title: titleText(sheet, errors.row) } });
  }
  const unbound = findHeader(sheet.rows, UNBOUND_COLUMNS);
  if (unbound && ('lkoId' in unbound.columns || 'number' in unbound.columns || 'steps' in unbound.columns)) {
    candidates.push({ kind: 'sstu-unbound-topics', score: 0.8, located: { sheet, header: unbound, title: titleText(sheet, unbound.row) } });
  }
  const count = findHeader(sheet.rows, STATUS_COUNT_COLUMNS);
  if (count && ('required' in count.columns || 'uploaded' in count.columns)) {
    const title = titleText(sheet, count.row);
    const named = kindByTitle(title) === 'sstu-status-count' || nameKind === 'sstu-status-count';
    candidates.push({ kind: 'sstu-status-count', score: named ? 0.75 : 0.4, located: { sheet, header: count, title } });
  }
  const lko = findHeader(sheet.rows, LKO_WITHOUT_ID_COLUMNS);
  if (lko) {
    const title = titleText(sheet, lko.row);
    const named = kindByTitle(title) === 'sstu-lko-without-id' || nameKind === 'sstu-lko-without-id';
    candidates.push({ kind: 'sstu-lko-without-id', score: named ? 0.75 : 0.5, located: { sheet, header: lko, title } });
  }
  if (candidates.length === 0) return null;
  // the title above the table or the file name breaks ties between tables that look alike
  for (const c of candidates) {
    const titled = c.located ? kindByTitle(c.located.title) : null;
    if (titled === c.kind) c.score += 0.05;
    if (nameKind === c.kind) c.score += 0.03;
  }
  candidates.sort((a, b) => b.score - a.score);
  return candidates[0];
}

async function classify(file: PreparedFile): Promise<Classified | null> {
  if (!SHEET_FORMATS.has(file.format)) return null;
  const nameKind = kindByTitle(file.name.split(/[\\/]/).pop() ?? '');
  const sheets = await trySheets(file);
  if (sheets) {
    let best: Classified | null = null;
    for (const sheet of sheets) {
      const c = classifySheet(sheet, nameKind);
      if (c && (!best || c.score > best.score)) best = c;
    }
    if (best) return best;
  }
  // The name says it is one of our reports but there is no such table: still ours, so that the official
  // hears what went wrong with this report (an expired session page, a damaged file) under its own name.
  if (nameKind) return { kind: nameKind, score: 0.05 };
  return null;
}

async function htmlText(file: PreparedFile): Promise<string> {
  try {
    return htmlVisibleText((await file.text()).text);
  } catch {
    return '';
  }
}

const CACHE = new WeakMap<PreparedFile, Promise<Classified | null>>();

export function classifySstu(file: PreparedFile): Promise<Classified | null> {
  let p = CACHE.get(file);
  if (!p) {
    p = classify(file).catch(() => null);
    CACHE.set(file, p);
  }
  return p;
}

/** detect() of one report kind. */
export async function detectSstu(file: PreparedFile, kind: SstuReportKind): Promise<number> {
  const c = await classifySstu(file);
  return c && c.kind === kind ? c.score : 0;
}

const KIND_NAMES: Record<SstuReportKind, string> = {
  'sstu-unbound-topics': '«Перечень сообщений без тематик УРОГ»',
  'sstu-lko-without-id': '«Перечень дочерних ЛКО без идентификатора в ССТУ.РФ»',
  'sstu-upload-status': '«Статус выгрузки и загрузки данных в ССТУ.РФ»',
  'sstu-error-report': '«Отчет с ошибками»',
  'sstu-status-count': '«Отчет о количестве загруженных в ССТУ статусов»',
};

/**
 * The table of this kind, or a FormatError that says why it is missing (an expired-session page saved
 * as .xls, a sheet without the expected columns).
 */
export async function locate(file: PreparedFile, kind: SstuReportKind): Promise<Located> {
  const c = await classifySstu(file);
  if (c && c.kind === kind && c.located) return c.located;
  // Let the format layer say what is wrong with the bytes first (damaged sheet, page without a table).
  await file.sheets();
  if (file.format === 'html') {
    const text = await htmlText(file);
    if (/сесси[яи]\s+(истекл|заверш)|авториз|войдите/i.test(text)) {
      throw new FormatError(
        'session-expired',
        `Вместо отчёта ${KIND_NAMES[kind]} скачалась страница портала${text ? ` (${quote(text.slice(0, 120))})` : ''}: похоже, истекла сессия. Войдите в ПОС заново и скачайте отчёт ещё раз.`,
      );
    }
  }
  throw new FormatError(
    'report-columns-missing',
    `В файле нет таблицы отчёта ${KIND_NAMES[kind]}: не найдена строка с названиями столбцов. Проверьте, тот ли файл скачан, и скачайте отчёт в разделе «ССТУ.РФ» ещё раз.`,
  );
}

/** «YYYY-MM» of the reporting period named above the table or in the file name, or null. */
export function periodOf(title: string, fileName: string): string | null {
  const p = parsePeriod(title) ?? parsePeriod(fileName.split(/[\\/]/).pop() ?? '');
  return p ? periodKey(p) : null;
}

/** Where in a workbook, in the official's terms: «строка 11 листа «Статус»», never a cell reference like «Статус!A11». */
export function sheetWhere(sheet: Sheet, address: string): string {
  const row = /(\d+)$/.exec(address)?.[1];
  return row ? `строка ${row} листа «${sheet.name}»` : `лист «${sheet.name}»`;
}
