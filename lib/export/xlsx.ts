/**
 * XLSX export of tables the official downloads (mappings, error lists). Every cell is written as text or
 * number, and text that a spreadsheet would take for a formula (= + - @, also after tabs/CR) is neutralised.
 */
import { utils, write } from '@e965/xlsx';

export type Cell = string | number | null | undefined;

export interface ExportSheet {
  name: string;
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A leading apostrophe makes Excel and LibreOffice keep the cell as text (OWASP CSV-injection advice). */
export function neutraliseCell(value: Cell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return FORMULA_START.test(value) ? `'${value}` : value;
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
    const aoa = [s.header.map((h) => neutraliseCell(h)), ...s.rows.map((r) => r.map(neutraliseCell))];
    const ws = utils.aoa_to_sheet(aoa, { cellDates: false });
    ws['!cols'] = s.header.map((h, i) => ({ wch: Math.min(60, Math.max(h.length, ...s.rows.slice(0, 200).map((r) => String(r[i] ?? '').length)) + 2) }));
    utils.book_append_sheet(wb, ws, safeSheetName(s.name, used));
  }
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
