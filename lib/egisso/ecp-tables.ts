/**
 * Tables of the ЕЦП.МИС ЕГИССО module pages, as rows of cell texts (the content script reads the grid's
 * visible text; tests feed rows from saved HTML fixtures). Pure functions.
 *
 * - «Детализация отправки пакета»: «Номер записи | Комментарии | Код ошибки». The record number appears only
 *   on the first row of a record's group and is carried down to the rows below it.
 * - «Журнал запросов в ЕГИССО»: «Дата создания | Тип пакета | Количество записей | Статус | Информация»;
 *   rejected packages say «Пакет отклонен…» in «Информация».
 */
import { explainRuleCode, normaliseRuleCode } from './rule-codes';

function norm(s: string): string {
  return s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').replace(/ё/g, 'е').replace(/Ё/g, 'Е').trim().toLowerCase();
}

/** Index of the first row whose cells include every wanted header (prefix match: grids cut headers with «…»). */
function findHeader(rows: readonly (readonly string[])[], wanted: readonly string[]): { row: number; cols: number[] } | null {
  for (let r = 0; r < Math.min(rows.length, 30); r++) {
    const cells = rows[r].map((c) => norm(c).replace(/\.{3}$|…$/, ''));
    const cols = wanted.map((w) => {
      const nw = norm(w);
      return cells.findIndex((c) => c.length > 0 && (c === nw || nw.startsWith(c) || c.startsWith(nw)));
    });
    if (cols.every((c) => c >= 0)) return { row: r, cols };
  }
  return null;
}

export interface DetailRow {
  record: string;
  comment: string;
  code: string;
}

export interface DetailGroup {
  code: string;
  title: string;
  fix: string;
  known: boolean;
  count: number;
  records: string[];
}

export interface DetailTable {
  rows: DetailRow[];
  byCode: DetailGroup[];
  records: number;
}

export const DETAIL_HEADERS = ['Номер записи', 'Комментарии', 'Код ошибки'] as const;

/** «Детализация отправки пакета» → rows with the record number carried down, and a summary by code. */
export function parseDetailTable(rows: readonly (readonly string[])[]): DetailTable | null {
  const h = findHeader(rows, DETAIL_HEADERS);
  if (!h) return null;
  const [cRec, cComment, cCode] = h.cols;
  const out: DetailRow[] = [];
  let current = '';
  for (let r = h.row + 1; r < rows.length; r++) {
    const row = rows[r];
    const rec = (row[cRec] ?? '').trim();
    const comment = (row[cComment] ?? '').replace(/\s+/g, ' ').trim();
    const code = normaliseRuleCode(row[cCode] ?? '');
    if (!rec && !comment && !code) continue;
    if (rec) current = rec;
    out.push({ record: current, comment, code });
  }
  const groups = new Map<string, DetailGroup>();
  for (const row of out) {
    let g = groups.get(row.code);
    if (!g) {
      const ex = explainRuleCode(row.code, row.comment);
      g = { code: row.code, ...ex, count: 0, records: [] };
      groups.set(row.code, g);
    }
    g.count++;
    if (row.record && !g.records.includes(row.record)) g.records.push(row.record);
  }
  const byCode = [...groups.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { rows: out, byCode, records: new Set(out.map((r) => r.record).filter(Boolean)).size };
}

export interface JournalRow {
  created: string;
  packageType: string;
  records: number | null;
  status: string;
  info: string;
  rejected: boolean;
}

export interface JournalTable {
  rows: JournalRow[];
  rejected: JournalRow[];
}

export const JOURNAL_HEADERS = ['Дата создания', 'Тип пакета', 'Количество записей', 'Статус', 'Информация'] as const;

const REJECTED = /пакет отклон[её]н/i;

/** «Журнал запросов в ЕГИССО» → rows, and the rejected packages («Пакет отклонен…») with their dates. */
export function parseJournalTable(rows: readonly (readonly string[])[]): JournalTable | null {
  const h = findHeader(rows, JOURNAL_HEADERS);
  if (!h) return null;
  const [cDate, cType, cCount, cStatus, cInfo] = h.cols;
  const out: JournalRow[] = [];
  for (let r = h.row + 1; r < rows.length; r++) {
    const row = rows[r];
    const created = (row[cDate] ?? '').trim();
    if (!/^\d{2}\.\d{2}\.\d{4}/.test(created)) continue;
    const countText = (row[cCount] ?? '').trim();
    const info = (row[cInfo] ?? '').replace(/\s+/g, ' ').trim();
    out.push({
      created,
      packageType: (row[cType] ?? '').replace(/\s+/g, ' ').trim(),
      records: /^\d+$/.test(countText) ? Number(countText) : null,
      status: (row[cStatus] ?? '').replace(/\s+/g, ' ').trim(),
      info,
      rejected: REJECTED.test(info),
    });
  }
  return { rows: out, rejected: out.filter((r) => r.rejected) };
}
