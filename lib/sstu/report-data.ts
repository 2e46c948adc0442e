/**
 * What the ССТУ.РФ report views show and export, computed from CheckReports (pure; no DOM): the error summary
 * (one row per distinct category/subcategory/fact with the message count and the ЛКО affected), the children
 * without an ССТУ.РФ id, the tree's upload state, the XLSX sheets and the support-letter input.
 */
import type { CheckReport, Topic } from '../checks/report';
import type { ExportSheet } from '../export/xlsx';
import type { UnboundDetails } from '../checks/sstu-unbound-topics';
import type { ErrorReportDetails, ErrorType } from '../checks/sstu-error-report';
import type { LkoWithoutIdDetails } from '../checks/sstu-lko-without-id';
import type { StatusLko, UploadStatusDetails } from '../checks/sstu-upload-status';
import type { ArchiveDetails } from '../checks/sstu-archive';
import type { PosLetterInput, OrgProfile } from '../letters/pos-support';
import { normValue } from './table';

export interface SummaryRow {
  category: string;
  subcategory: string;
  fact: string;
  /** Only for transfer errors: «Ошибка связи» / «Отказ в приеме». */
  errorType?: string;
  messages: number;
  lko: { id: string; name: string }[];
}

const TYPE_TEXT: Record<ErrorType, string> = { connection: 'Ошибка связи', rejected: 'Отказ в приеме', other: 'Другая' };

function usable(r: CheckReport, kind: CheckReport['kind']): boolean {
  return r.kind === kind && !r.findings.some((f) => f.code === 'unreadable');
}

/** The reports of this kind in the batch (the shown report first), readable ones only. */
export function sameKind(report: CheckReport, batch: readonly CheckReport[]): CheckReport[] {
  const others = batch.filter((r) => r !== report && usable(r, report.kind));
  return usable(report, report.kind) ? [report, ...others] : others;
}

/**
 * Unbound topics of one or several reports (own ЛКО and the tree may both be given): one row per distinct
 * (category, subcategory, fact), messages summed, ЛКО merged with their names.
 */
export function unboundSummary(reports: readonly CheckReport[]): SummaryRow[] {
  const rows = new Map<string, SummaryRow & { seen: Set<string> }>();
  for (const r of reports) {
    const names = (r.details as Partial<UnboundDetails> | undefined)?.lkoNames ?? {};
    for (const t of (r.topics ?? []) as Topic[]) {
      const key = [t.category, t.subcategory, t.fact].map(normValue).join('\u0000');
      let row = rows.get(key);
      if (!row) {
        row = { category: t.category, subcategory: t.subcategory, fact: t.fact, messages: 0, lko: [], seen: new Set() };
        rows.set(key, row);
      }
      row.messages += t.messages;
      for (const id of t.lko) {
        if (row.seen.has(id)) continue;
        row.seen.add(id);
        row.lko.push({ id, name: names[id] ?? '' });
      }
    }
  }
  return [...rows.values()].map(({ seen: _s, ...row }) => row);
}

/** Transfer errors of one or several «Отчет с ошибками»: one row per distinct (category, subcategory, fact, type). */
export function errorSummary(reports: readonly CheckReport[]): SummaryRow[] {
  const rows = new Map<string, SummaryRow & { seen: Set<string> }>();
  for (const r of reports) {
    for (const g of (r.details as Partial<ErrorReportDetails> | undefined)?.groups ?? []) {
      const key = [g.category, g.subcategory, g.fact, g.type].map(normValue).join('\u0000');
      let row = rows.get(key);
      if (!row) {
        row = { category: g.category, subcategory: g.subcategory, fact: g.fact, errorType: TYPE_TEXT[g.type], messages: 0, lko: [], seen: new Set() };
        rows.set(key, row);
      }
      row.messages += g.messages;
      for (const id of g.lko) {
        if (row.seen.has(id)) continue;
        row.seen.add(id);
        row.lko.push({ id, name: '' });
      }
    }
  }
  return [...rows.values()].map(({ seen: _s, ...row }) => row);
}

export function lkoLabel(l: { id: string; name: string }): string {
  return l.name ? `${l.name} (${l.id})` : l.id;
}

export function summarySheet(name: string, rows: readonly SummaryRow[]): ExportSheet {
  const withType = rows.some((r) => r.errorType);
  return {
    name,
    header: ['Категория обращения', 'Подкатегория обращения', 'Факт обращения', ...(withType ? ['Тип ошибки'] : []), 'Сообщений', 'ЛКО'],
    rows: rows.map((r) => [r.category, r.subcategory, r.fact, ...(withType ? [r.errorType ?? ''] : []), r.messages, r.lko.map(lkoLabel).join('; ')]),
  };
}

export function lkoWithoutIdRows(r: CheckReport): LkoWithoutIdDetails['lko'] {
  return (r.details as Partial<LkoWithoutIdDetails> | undefined)?.lko ?? [];
}

export function lkoWithoutIdSheet(r: CheckReport): ExportSheet {
  return { name: 'ЛКО без идентификатора', header: ['ИД ЛКО', 'Название ЛКО'], rows: lkoWithoutIdRows(r).map((l) => [l.id, l.name]) };
}

export const OUTCOME_TEXT: Record<StatusLko['outcome'], string> = {
  succeeded: 'Успешно',
  notUploaded: 'Не выгрузило',
  withErrors: 'С ошибками',
};

export function statusDetails(r: CheckReport): UploadStatusDetails | null {
  const d = r.details as Partial<UploadStatusDetails> | undefined;
  return d && Array.isArray(d.lko) ? (d as UploadStatusDetails) : null;
}

export function statusSheet(r: CheckReport): ExportSheet {
  const d = statusDetails(r);
  return {
    name: 'Статус выгрузки по ЛКО',
    header: ['Идентификатор ЛКО', 'Полное наименование ЛКО', 'Итог', 'Почему', 'Автоматическая загрузка (в api)', 'Выгрузка архива вручную', 'Статусов к передаче', 'Загружено через api', 'Выгружено вручную', 'Период закрыт'],
    rows: (d?.lko ?? []).map((l) => [l.id, l.name, OUTCOME_TEXT[l.outcome], l.reason, l.api, l.manual, l.required, l.apiCount, l.manualCount, l.closed ? 'Да' : 'Нет']),
  };
}

export function errorRowsSheet(r: CheckReport): ExportSheet {
  const d = r.details as Partial<ErrorReportDetails> | undefined;
  return {
    name: 'Ошибки передачи',
    header: ['Идентификатор ЛКО', 'Номер обращения в ПОС', 'Категория', 'Подкатегория', 'Факт', 'Тип ошибки', 'Шаг', 'Текст ошибки', 'Повторная отправка'],
    rows: (d?.rows ?? []).map((x) => [x.lko, x.number, x.category, x.subcategory, x.fact, x.typeText, x.step, x.text, x.retry === 'expected' ? 'Ожидается' : x.retry === 'notExpected' ? 'Не ожидается' : '']),
  };
}

export function archiveDetails(r: CheckReport): ArchiveDetails | null {
  const d = r.details as Partial<ArchiveDetails> | undefined;
  return d && 'damagedEntries' in d ? (d as ArchiveDetails) : null;
}

/** The support-letter input for a report (unbound topics or transfer errors), merged over the batch. */
export function letterInput(report: CheckReport, batch: readonly CheckReport[], profile: OrgProfile): PosLetterInput | null {
  if (report.kind === 'sstu-unbound-topics') {
    const topics = unboundSummary(sameKind(report, batch));
    return topics.length ? { profile, topics } : null;
  }
  if (report.kind === 'sstu-error-report') {
    const reports = sameKind(report, batch);
    let connectionErrors = 0;
    let connectionNoRetry = 0;
    const rejections: { text: string; messages: number; steps: string[] }[] = [];
    const numbers: string[] = [];
    for (const r of reports) {
      const d = r.details as Partial<ErrorReportDetails> | undefined;
      connectionErrors += Number(r.summary.connectionErrors ?? 0);
      for (const row of d?.rows ?? []) {
        if (row.type === 'connection' && row.retry !== 'expected') connectionNoRetry++;
        if (row.number && numbers.length < 200 && (row.type !== 'connection' || row.retry !== 'expected')) numbers.push(row.number);
      }
      rejections.push(...(d?.rejections ?? []));
    }
    if (connectionErrors === 0 && rejections.length === 0) return null;
    return { profile, transferErrors: { connectionErrors, connectionNoRetry, rejections, numbers } };
  }
  return null;
}

/** «Отчет с ошибками.xls» → «Отчет с ошибками — сводка.xlsx». */
export function exportName(file: string, what: string): string {
  const base = (file.split(/[\\/]/).pop() ?? 'ССТУ').replace(/\.[^.]+$/, '');
  return `${base} — ${what}.xlsx`;
}
