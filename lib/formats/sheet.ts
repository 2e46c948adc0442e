/**
 * Spreadsheets (.xls BIFF, .xlsx, HTML table saved as .xls) → rows of strings, via the pinned SheetJS
 * republish. Columns are found by their names, never by position, and the header row is searched for.
 */
import { read, utils, type WorkBook } from '@e965/xlsx';
import { FormatError } from './errors';
import { decodeText } from './text';
import type { FileFormat } from './sniff';

export interface Sheet {
  name: string;
  /** Every cell as the text the official sees; empty cells are "". */
  rows: string[][];
}

const HTML_TEXT_LIMIT = 400;

/** Visible text of an HTML page (title and body), for saying what a non-table page is. */
export function htmlVisibleText(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  const body = html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&[a-z]+;/gi, ' ');
  return `${title} ${body}`.replace(/\s+/g, ' ').trim().slice(0, HTML_TEXT_LIMIT);
}

const LOGIN_PAGE = /сессия (истекла|завершена)|время сессии|войдите в систему|вход в систему|авторизуйтесь|авторизация|доступ запрещ|страница не найдена|ошибка 40[134]|ошибка 50\d/i;

/** An HTML page the portal sent instead of a file (expired session, login form, error page)? */
export function looksLikePortalPage(html: string): string | null {
  const text = htmlVisibleText(html);
  return LOGIN_PAGE.test(text) ? text : null;
}

function workbookRows(wb: WorkBook): Sheet[] {
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const rows = ws ? (utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: '', blankrows: true }) as unknown[][]) : [];
    return { name, rows: rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c)))) };
  });
}

export function readSheets(bytes: Uint8Array, format: FileFormat): Sheet[] {
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
  try {
    return workbookRows(read(bytes, { type: 'array', raw: true, dense: true, cellFormula: false, cellHTML: false }));
  } catch {
    throw new FormatError(
      'sheet-damaged',
      format === 'xlsx'
        ? 'Таблица Excel (.xlsx) повреждена и не открывается. Скачайте файл заново.'
        : 'Таблица Excel (.xls) повреждена и не открывается. Скачайте файл заново.',
    );
  }
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
