/**
 * Small helpers to read the ПОС report tables once their header row is found: values normalised for
 * comparison, numbers and percentages as the portal writes them, data rows without blank or total rows.
 */
import type { HeaderMatch, Sheet } from '../formats/sheet';
import { countWord, plural } from '../plural';
export { plural };

/**
 * Text compared case-free: lower case, «ё» → «е», no quotes, single spaces, Latin look-alikes of Cyrillic
 * letters in «api» made Latin (documents and exports sometimes write «арі» with Cyrillic letters).
 */
export function normValue(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'“”„]/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Trimmed text with inner runs of spaces collapsed: what is shown to the official and used as a key. */
export function cleanText(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** True when a cell is empty or a dash the portal writes for «not applicable». */
export function isBlank(s: string): boolean {
  const v = cleanText(s);
  return v === '' || v === '-' || v === '—' || v === '–';
}

/**
 * "1 234", "1234,5", "60%", "60,5 %" → number; null when the cell holds no number.
 */
export function parseNumber(s: string): number | null {
  let v = cleanText(s).replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
  // "1,234" / "1,234,567": thousands as Excel's "#,##0" shows them; otherwise a comma is the decimal mark
  v = /^-?\d{1,3}(,\d{3})+$/.test(v) ? v.replace(/,/g, '') : v.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(v)) return null;
  return Number(v);
}

/** A percentage cell: "60%", "60,5", "0.6" (a fraction when the cell has no % and the value is ≤ 1 with a dot). */
export function parsePercent(s: string): number | null {
  const text = cleanText(s);
  const n = parseNumber(text);
  if (n === null) return null;
  if (!text.includes('%') && n > 0 && n < 1 && /[.,]/.test(text)) return n * 100;
  return n;
}

export interface TableRow {
  /** 0-based row index in the sheet (for "Лист!A5" addresses). */
  index: number;
  cells: Record<string, string>;
}

const TOTAL_ROW = /^(итого|всего)(\s|:|$)/;

/**
 * The data rows under the header: blank rows, repeated header rows and «Итого»/«Всего…» rows are skipped.
 * `keys` limits which mapped columns are read; a row counts as data when any of them has text.
 */
export function tableRows(sheet: Sheet, header: HeaderMatch, keys: readonly string[] = Object.keys(header.columns)): TableRow[] {
  const out: TableRow[] = [];
  const cols = keys.filter((k) => k in header.columns).map((k) => [k, header.columns[k]] as const);
  const headerRow = sheet.rows[header.row] ?? [];
  const firstCol = Math.min(...cols.map(([, c]) => c));
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    let any = false;
    let sameAsHeader = true;
    const cells: Record<string, string> = {};
    for (const [k, c] of cols) {
      const v = row[c] ?? '';
      cells[k] = v;
      if (v.trim() !== '') any = true;
      if (v !== (headerRow[c] ?? '')) sameAsHeader = false;
    }
    if (!any || sameAsHeader) continue;
    const first = normValue(row.find((c) => c.trim() !== '') ?? '');
    if (TOTAL_ROW.test(first) && normValue(row[firstCol] ?? '') === first) continue;
    out.push({ index: r, cells });
  }
  return out;
}

/** Normalised text of the rows above the header (report title, period, filters). */
export function titleText(sheet: Sheet, headerRow: number): string {
  const parts: string[] = [];
  for (let r = 0; r < Math.min(headerRow, 30); r++) for (const c of sheet.rows[r] ?? []) if (c.trim()) parts.push(c);
  return normValue(parts.join(' '));
}

/** «5 сообщений» */
export const count = countWord;

/** Lists at most `max` items, then «и ещё N». */
export function listShort(items: readonly string[], max = 10): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} и ещё ${items.length - max}`;
}
