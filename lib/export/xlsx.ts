/**
 * XLSX export of tables the official downloads (mappings, error lists). Every cell is written as a plain text
 * or number cell: in .xlsx only a cell with a formula part runs, and none is ever written, so «+7 (495)…» and
 * «=HYPERLINK(…)» stay exactly as they are, without a visible apostrophe.
 */
import { utils, write } from '@e965/xlsx';

export type Cell = string | number | null | undefined;

export interface ExportSheet {
  name: string;
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * For formats where text can run (CSV, TSV opened in a spreadsheet): a leading apostrophe keeps a
 * formula-looking value as text (OWASP CSV-injection advice). Not for .xlsx cells, which never run.
 */
export function neutraliseCell(value: Cell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** An .xlsx cell value: text as text (a string cell, never a formula), finite numbers as numbers. */
function plainCell(value: Cell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return value;
}

/** Sheet names: at most 31 characters, none of []:*?/\ . */
function safeSheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Лист';
  let n = 2;
  let candidate = base;
  while (used.has(candidate)) candidate = `${base.slice(0, 28)} ${n++}`;
  used.add(candidate);
  return candidate;
}

export function buildXlsx(sheets: readonly ExportSheet[]): Uint8Array {
  const wb = utils.book_new();
  const used = new Set<string>();
  for (const s of sheets) {
    const aoa = [s.header.map((h) => plainCell(h)), ...s.rows.map((r) => r.map(plainCell))];
    const ws = utils.aoa_to_sheet(aoa, { cellDates: false });
    ws['!cols'] = s.header.map((h, i) => ({ wch: Math.min(60, Math.max(h.length, ...s.rows.slice(0, 200).map((r) => String(r[i] ?? '').length)) + 2) }));
    utils.book_append_sheet(wb, ws, safeSheetName(s.name, used));
  }
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
