/**
 * Spreadsheets (.xls BIFF, .xlsx, HTML table saved as .xls) → rows of strings, via the pinned SheetJS
 * republish. Columns are found by their names, never by position, and the header row is searched for.
 */
import { read, utils, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { cleanXlsxContainer } from './xlsx-container';
import { FormatError } from './errors';
import { plural } from '../plural';
import { decodeText } from './text';
import type { FileFormat } from './sniff';

export interface Sheet {
  name: string;
  /** Every cell as the text the official sees; empty cells are "". */
  rows: string[][];
}

const HTML_TEXT_LIMIT = 400;

/**
 * Visible text of an HTML page (title and body), for saying what a non-table page is. Linear scans only
 * (indexOf, never a backtracking regex over the page): 150 KB of «<» or 600 KB of «<style» used to take minutes.
 */
export function htmlVisibleText(html: string): string {
  const lower = html.toLowerCase();
  return `${titleOf(html, lower)} ${entityless(tagless(withoutBlocks(html, lower)))}`.replace(/\s+/g, ' ').trim().slice(0, HTML_TEXT_LIMIT);
}

function titleOf(html: string, lower: string): string {
  const open = lower.indexOf('<title');
  if (open < 0) return '';
  const start = lower.indexOf('>', open);
  if (start < 0) return '';
  const end = lower.indexOf('</title>', start);
  return end < 0 ? '' : html.slice(start + 1, end);
}

const BLOCK_START = /<(script|style|head)/g;

/** Drops <script>, <style> and <head> elements with their content; an unclosed one runs to the end. */
function withoutBlocks(html: string, lower: string): string {
  let out = '';
  let from = 0;
  BLOCK_START.lastIndex = 0;
  for (let m = BLOCK_START.exec(lower); m; m = BLOCK_START.exec(lower)) {
    out += `${html.slice(from, m.index)} `;
    const close = lower.indexOf(`</${m[1]}>`, m.index + m[0].length);
    if (close < 0) return out;
    from = close + m[1].length + 3;
    BLOCK_START.lastIndex = from;
  }
  return out + html.slice(from);
}

/** Replaces every «<…>» tag with a space; a «<» never closed ends the text. */
function tagless(html: string): string {
  let out = '';
  let from = 0;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', from)) {
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) return out + html.slice(from, lt);
    if (gt === lt + 1) {
      out += html.slice(from, gt + 1);
    } else {
      out += `${html.slice(from, lt)} `;
    }
    from = gt + 1;
  }
  return out + html.slice(from);
}

function entityless(text: string): string {
  return text.replace(/&nbsp;/g, ' ').replace(/&[a-z]+;/gi, ' ');
}

const LOGIN_PAGE = /сессия (истекла|завершена)|время сессии|войдите в систему|вход в систему|авторизуйтесь|авторизация|доступ запрещ|страница не найдена|ошибка 40[134]|ошибка 50\d/i;

/** An HTML page the portal sent instead of a file (expired session, login form, error page)? */
export function looksLikePortalPage(html: string): string | null {
  const text = htmlVisibleText(html);
  return LOGIN_PAGE.test(text) ? text : null;
}

/** Sheets read per workbook; portal reports have one or two. */
export const MAX_SHEETS = 50;
/** Cells of one sheet (rows × columns of the area that holds data): a 100,000-row report has ~2 million. */
export const MAX_SHEET_CELLS = 5_000_000;

type DenseSheet = WorkSheet & { '!data'?: unknown[][] };

/**
 * The area that really holds cells, whatever the file declares: a damaged or hostile file may declare
 * A1:XFD1048576 for three cells, and every row of that area would be produced.
 */
function dataRange(ws: DenseSheet): { rows: number; cols: number } {
  const data = ws['!data'] ?? [];
  let rows = 0;
  let cols = 0;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row || row.length === 0) continue;
    rows = r + 1;
    cols = Math.max(cols, row.length);
  }
  return { rows, cols };
}

function workbookRows(wb: WorkBook): Sheet[] {
  if (wb.SheetNames.length > MAX_SHEETS) {
    throw new FormatError('sheet-too-large', `В книге Excel ${wb.SheetNames.length} листов — больше ${MAX_SHEETS}: такие отчёты порталы не выдают. Проверьте, тот ли это файл.`);
  }
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name] as DenseSheet | undefined;
    if (!ws) return { name, rows: [] };
    const { rows: height, cols: width } = dataRange(ws);
    if (height * width > MAX_SHEET_CELLS) {
      throw new FormatError(
        'sheet-too-large',
        `Лист «${name}» слишком большой для проверки: ${height.toLocaleString('ru-RU')} ${plural(height, 'строка', 'строки', 'строк')} на ${width.toLocaleString('ru-RU')} ${plural(width, 'столбец', 'столбца', 'столбцов')}. Такие отчёты порталы не выдают — проверьте, тот ли это файл.`,
      );
    }
    if (height === 0) return { name, rows: [] };
    ws['!ref'] = utils.encode_range({ s: { r: 0, c: 0 }, e: { r: height - 1, c: width - 1 } });
    const rows = utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: '', blankrows: true }) as unknown[][];
    return { name, rows: rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c)))) };
  });
}

const READ_OPTIONS = { type: 'array', raw: true, dense: true, cellFormula: false, cellHTML: false, cellStyles: false, bookVBA: false } as const;

export async function readSheets(bytes: Uint8Array, format: FileFormat): Promise<Sheet[]> {
  if (format === 'html') {
    const { text } = decodeText(bytes);
    const portalPage = looksLikePortalPage(text);
    if (!/<table[\s>]/i.test(text) || portalPage) {
      const said = portalPage ?? htmlVisibleText(text);
      throw new FormatError(
        portalPage ? 'session-expired' : 'html-not-report',
        `Вместо отчёта скачалась веб-страница без таблицы${said ? `: «${said.slice(0, 160)}»` : ''}. Обычно так бывает, когда истекла сессия: войдите в портал заново и скачайте отчёт ещё раз.`,
      );
    }
    // raw: true keeps "1234,5" and leading zeros of ИНН as the page shows them
    return workbookRows(read(text, { type: 'string', raw: true, dense: true }));
  }
  // an .xlsx reaches SheetJS only validated and re-packed by our own zip reader (damage throws FormatError)
  const input = format === 'xlsx' ? await cleanXlsxContainer(bytes) : bytes;
  let wb: WorkBook;
  try {
    wb = read(input, READ_OPTIONS);
  } catch {
    throw new FormatError(
      'sheet-damaged',
      format === 'xlsx'
        ? 'Таблица Excel (.xlsx) повреждена и не открывается. Скачайте файл заново.'
        : 'Таблица Excel (.xls) повреждена и не открывается. Скачайте файл заново.',
    );
  }
  return workbookRows(wb);
}

/** Lower case, «ё» → «е», no quotes or stars, single spaces: how header names are compared. */
export function normaliseHeader(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'*:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ColumnSpec {
  key: string;
  /** Names as the portal writes them; compared after normaliseHeader. */
  names: readonly string[];
  required?: boolean;
}

export interface HeaderMatch {
  /** 0-based index of the header row. */
  row: number;
  /** key → 0-based column index, for the columns found. */
  columns: Record<string, number>;
}

function cellMatches(cell: string, names: readonly string[]): 'exact' | 'partial' | null {
  const c = normaliseHeader(cell);
  if (!c) return null;
  for (const n of names) if (c === normaliseHeader(n)) return 'exact';
  for (const n of names) {
    const nn = normaliseHeader(n);
    if (nn.length >= 4 && (c.startsWith(nn) || c.includes(nn))) return 'partial';
  }
  return null;
}

/**
 * Finds the header row among the first maxScan rows: the row where all required columns are found.
 * Merged title cells above it and columns in any order do not matter.
 */
export function findHeader(rows: readonly string[][], specs: readonly ColumnSpec[], maxScan = 60): HeaderMatch | null {
  let best: { match: HeaderMatch; score: number } | null = null;
  for (let r = 0; r < Math.min(rows.length, maxScan); r++) {
    const row = rows[r];
    const columns: Record<string, number> = {};
    let score = 0;
    const used = new Set<number>();
    for (const pass of ['exact', 'partial'] as const) {
      for (const spec of specs) {
        if (spec.key in columns) continue;
        for (let c = 0; c < row.length; c++) {
          if (used.has(c)) continue;
          if (cellMatches(row[c] ?? '', spec.names) === pass) {
            columns[spec.key] = c;
            used.add(c);
            score += pass === 'exact' ? 2 : 1;
            break;
          }
        }
      }
    }
    if (specs.some((s) => s.required && !(s.key in columns))) continue;
    if (!best || score > best.score) best = { match: { row: r, columns }, score };
  }
  return best?.match ?? null;
}

/** "A5"-style address of a 0-based cell. */
export function cellAddress(row: number, col: number): string {
  let letters = '';
  let c = col + 1;
  while (c > 0) {
    const m = (c - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

/** True when the sheet rows contain a cell whose normalised text includes the needle. */
export function sheetMentions(rows: readonly string[][], needle: string, maxRows = 60): boolean {
  const n = normaliseHeader(needle);
  for (let r = 0; r < Math.min(rows.length, maxRows); r++) for (const cell of rows[r]) if (normaliseHeader(cell).includes(n)) return true;
  return false;
}
