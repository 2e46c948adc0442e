/**
 * The renumbering mapping as the official reads it: one row per licence, old → new → ЕРУЛ outcome → ТОР КНД
 * import state, with a description; counts in plain Russian; the XLSX sheet. Pure: built from CheckReports
 * (a batch or the journal), like the ledger it is based on.
 */
import type { CheckReport, LicenceRecord } from '../checks/report';
import { licenceKey } from '../ids/licence';
import type { ExportSheet } from '../export/xlsx';
import { buildLedger, RENUMBERING_KINDS, type Ledger, type LedgerState } from './ledger';
import { plural } from './findings';
import { TOR_KND_SUPPORT } from './portal-texts';

export type RowState = LedgerState | 'orphanNew';

export interface MappingRow {
  old: string;
  new: string;
  state: RowState;
  /** «Результат ЕРУЛ». */
  erul: string;
  /** «Загрузка в ТОР КНД». */
  import: string;
  /** «Описание»: the portal's error text and what to do. */
  description: string;
}

export const STATE_TEXT: Record<RowState, string> = {
  imported: 'загружено в ТОР КНД',
  importMismatch: 'загружено с другим номером',
  notImported: 'переприсвоено, не загружено в ТОР КНД',
  alreadyInErul: 'уже в ЕРУЛ — не критично',
  failed: 'ошибка — нужно обращение в поддержку ТОР КНД',
  exportedOnly: 'выгружено, нет в результатах ЕРУЛ',
  orphanNew: 'новый номер без старого',
};

export const STATE_ORDER: readonly RowState[] = ['failed', 'orphanNew', 'importMismatch', 'notImported', 'exportedOnly', 'alreadyInErul', 'imported'];

const ERUL_TEXT: Record<LicenceRecord['outcome'], string> = {
  renumbered: 'переприсвоен',
  alreadyInErul: 'уже в ЕРУЛ',
  failed: 'ошибка',
  pairingProblem: 'нет надёжной пары',
};

export const MAPPING_HEADER = ['Старый номер', 'Новый номер', 'Результат ЕРУЛ', 'Загрузка в ТОР КНД', 'Описание'] as const;

export interface Mapping {
  ledger: Ledger;
  rows: MappingRow[];
  counts: Record<RowState, number>;
}

function importText(rec: LicenceRecord | undefined, erulNew: string): string {
  if (!rec) return 'нет данных о загрузке';
  if (rec.outcome === 'renumbered') return erulNew && rec.new !== erulNew ? `загружен с номером ${rec.new}` : 'загружен';
  if (rec.outcome === 'alreadyInErul') return 'не нужен: уже в ЕРУЛ';
  return `ошибка${rec.status ? ` (статус «${rec.status}»)` : ''}`;
}

function describe(state: RowState, erulRec: LicenceRecord | undefined, impRec: LicenceRecord | undefined): string {
  const portal = [erulRec?.error, impRec?.description && impRec.description !== erulRec?.error ? impRec.description : '']
    .filter((s): s is string => Boolean(s))
    .map((s) => `«${s}»`)
    .join('; ');
  const todo: Record<RowState, string> = {
    imported: 'Готово.',
    importMismatch: 'ТОР КНД записал другой номер, чем дал ЕРУЛ: сверьте номер в ТОР КНД и напишите в поддержку ТОР КНД.',
    notImported: 'Загрузите результат ЕРУЛ в ТОР КНД («Загрузка присвоенных номеров лицензий из ЕРУЛ»).',
    alreadyInErul: 'Номер уже присвоен в ЕРУЛ раньше: ничего делать не нужно.',
    failed: `Напишите в поддержку ТОР КНД (${TOR_KND_SUPPORT}) и приложите файл результата.`,
    exportedOnly: 'Этой лицензии нет ни в одном проверенном результате ЕРУЛ: загрузите её файл выгрузки в ЕРУЛ или проверьте результат.',
    orphanNew: 'Новый номер стоит без старого: скачайте результат из ЕРУЛ заново целиком.',
  };
  return portal ? `${portal}. ${todo[state]}` : todo[state];
}

/** The mapping of every renumbering report given (in order: later files do not hide earlier ones). */
export function buildMapping(reports: readonly CheckReport[]): Mapping {
  const ledger = buildLedger(reports) ?? { renumbered: 0, imported: 0, importMismatch: 0, notImported: 0, licences: [] };
  const erulRec = new Map<string, LicenceRecord>();
  const impRec = new Map<string, LicenceRecord>();
  const orphans: LicenceRecord[] = [];
  for (const r of reports) {
    if (!RENUMBERING_KINDS.has(r.kind)) continue;
    for (const rec of r.records ?? []) {
      if (!rec.old) {
        if (r.kind === 'erul-renumbering-result' && rec.new) orphans.push(rec);
        continue;
      }
      const key = licenceKey(rec.old);
      if (r.kind === 'erul-renumbering-result') {
        const cur = erulRec.get(key);
        if (!cur || (cur.outcome !== 'renumbered' && rec.outcome === 'renumbered')) erulRec.set(key, rec);
      } else {
        const cur = impRec.get(key);
        if (!cur || (cur.outcome !== 'renumbered' && rec.outcome === 'renumbered')) impRec.set(key, rec);
      }
    }
  }
  const counts: Record<RowState, number> = { imported: 0, importMismatch: 0, notImported: 0, alreadyInErul: 0, failed: 0, exportedOnly: 0, orphanNew: 0 };
  const rows: MappingRow[] = [];
  for (const l of ledger.licences) {
    const e = erulRec.get(l.old);
    const i = impRec.get(l.old);
    counts[l.state]++;
    rows.push({
      old: l.old,
      new: l.new || e?.new || '',
      state: l.state,
      erul: e ? ERUL_TEXT[e.outcome] : i ? `${ERUL_TEXT[i.outcome === 'renumbered' ? 'renumbered' : i.outcome]} (по данным ТОР КНД)` : 'нет в результатах ЕРУЛ',
      import: l.state === 'exportedOnly' ? '—' : importText(i, l.new),
      description: describe(l.state, e, i),
    });
  }
  for (const o of orphans) {
    counts.orphanNew++;
    rows.push({ old: '', new: o.new, state: 'orphanNew', erul: ERUL_TEXT.pairingProblem, import: '—', description: describe('orphanNew', o, undefined) });
  }
  return { ledger, rows, counts };
}

/** Counts at the top of the page, in plain Russian (one sentence per line). */
export function mappingSummary(m: Mapping): string[] {
  const c = m.counts;
  const total = m.rows.length - c.orphanNew;
  const lic = (n: number) => `${n} ${plural(n, 'лицензия', 'лицензии', 'лицензий')}`;
  const lines = [`Всего ${lic(total)}.`];
  if (m.ledger.renumbered) {
    lines.push(
      `ЕРУЛ переприсвоил номера: ${m.ledger.renumbered}; из них загружено в ТОР КНД — ${m.ledger.imported}` +
        (m.ledger.importMismatch ? `, загружено с другим номером — ${m.ledger.importMismatch}` : '') +
        (m.ledger.notImported ? `, ещё не загружено — ${m.ledger.notImported}` : '') +
        '.',
    );
  }
  if (c.alreadyInErul) lines.push(`Уже были в ЕРУЛ (это не ошибка, делать ничего не нужно): ${c.alreadyInErul}.`);
  if (c.failed) lines.push(`С ошибками — нужно обращение в службу поддержки ТОР КНД: ${c.failed}.`);
  if (c.orphanNew) lines.push(`Новых номеров без старого (файл неполный): ${c.orphanNew}.`);
  if (c.exportedOnly) lines.push(`Выгружено из ТОР КНД, но нет ни в одном результате ЕРУЛ: ${c.exportedOnly}.`);
  return lines;
}

/** Rows matching a state filter ('' = all) and a search text (part of the old or new number; «L» = «Л»). */
export function filterRows(rows: readonly MappingRow[], state: RowState | '', search: string): MappingRow[] {
  const q = search.trim() ? licenceKey(search.trim()).toLowerCase() : '';
  if (!state && !q) return rows as MappingRow[];
  return rows.filter((r) => (!state || r.state === state) && (!q || r.old.toLowerCase().includes(q) || r.new.toLowerCase().includes(q)));
}

export function mappingSheet(rows: readonly MappingRow[]): ExportSheet {
  return {
    name: 'Переприсвоение',
    header: MAPPING_HEADER,
    rows: rows.map((r) => [r.old, r.new, r.erul, r.import === '—' ? '' : r.import, `${STATE_TEXT[r.state]}. ${r.description}`]),
  };
}

export function mappingFileName(now = new Date()): string {
  const d = now.toISOString().slice(0, 10);
  return `переприсвоение-лицензий-${d}.xlsx`;
}
