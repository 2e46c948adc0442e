/**
 * The `egisso-protocol` report's details, read back defensively (they come from the journal as plain JSON),
 * and the XLSX sheets of the report view. Pure: no DOM.
 */
import type { CheckReport } from '../checks/report';
import type { ExportSheet } from '../export/xlsx';
import type { CodeStats } from './protocol';
import { explainRuleCode } from './rule-codes';

export interface ViewMessage {
  kind: 'error' | 'warning' | 'other';
  code: string;
  report: string;
}

export interface ViewRecord {
  index: number;
  recID: string;
  failed: boolean;
  messages: ViewMessage[];
}

/** A rule code's counts as the check stored them (without the record ids), with its explanation. */
export interface ViewCode extends Omit<CodeStats, 'recIDs'> {
  title: string;
  fix: string;
  known: boolean;
}

export interface ViewMessageError {
  code: string;
  message: string;
  time: string;
}

export interface ProtocolView {
  /** The whole message was rejected (messageResult): no record processed. */
  messageRejected: boolean;
  messageErrors: ViewMessageError[];
  /** A 10.10.I 1.0.4 answer: the protocol is in the СМЭВ file storage. */
  attachmentOnly: boolean;
  packageID: string;
  packageType: string;
  packageStatus: number | null;
  statusText: string;
  recordNum: number;
  recordNumSuccess: number;
  failedRecords: number;
  errors: number;
  warnings: number;
  finishProcessTime: string;
  codes: ViewCode[];
  records: ViewRecord[];
  recordsTruncated: boolean;
}

const STATUS: Record<number, string> = { 1: 'принят', 2: 'обрабатывается', 3: 'обработан' };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function kindOf(v: unknown): ViewMessage['kind'] {
  return v === 'error' || v === 'warning' ? v : 'other';
}

export function protocolView(report: CheckReport): ProtocolView {
  const d = obj(report.details);
  const s = report.summary;
  const status = typeof s.packageStatus === 'number' ? s.packageStatus : null;
  const codes: ViewCode[] = arr(d.codes).map((c0) => {
    const c = obj(c0);
    const code = str(c.code);
    const reports = arr(c.reports).map(str).filter(Boolean);
    const ex = explainRuleCode(code, reports[0], { message: str(d.message), warning: num(c.errors) === 0 && num(c.warnings) > 0 });
    return { code, errors: num(c.errors), warnings: num(c.warnings), other: num(c.other), records: num(c.records), reports, ...ex };
  });
  codes.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.code.localeCompare(b.code));
  const records: ViewRecord[] = arr(d.records).map((r0) => {
    const r = obj(r0);
    return {
      index: num(r.index),
      recID: str(r.recID),
      failed: r.failed === true,
      messages: arr(r.messages).map((m0) => {
        const m = obj(m0);
        return { kind: kindOf(m.kind), code: str(m.code), report: str(m.report) };
      }),
    };
  });
  return {
    messageRejected: s.messageRejected === true,
    messageErrors: arr(d.messageErrors).map((e0) => {
      const e = obj(e0);
      return { code: str(e.code), message: str(e.message), time: str(e.time) };
    }),
    attachmentOnly: d.attachmentOnly === true,
    packageID: str(d.packageID),
    packageType: str(d.packageType),
    packageStatus: status,
    statusText: status !== null ? STATUS[status] ?? `неизвестный (${status})` : 'не указан',
    recordNum: num(s.recordNum),
    recordNumSuccess: num(s.recordNumSuccess),
    failedRecords: num(s.failedRecords),
    errors: num(s.errors),
    warnings: num(s.warnings),
    finishProcessTime: str(d.finishProcessTime),
    codes,
    records,
    recordsTruncated: d.recordsTruncated === true,
  };
}

export const KIND_WORD: Record<ViewMessage['kind'], string> = { error: 'ошибка', warning: 'предупреждение', other: 'сообщение' };

/** Two sheets: by rule code (explanation, what to fix) and one row per message of every listed record. */
export function protocolSheets(v: ProtocolView): ExportSheet[] {
  return [
    {
      name: 'По кодам',
      header: ['Код', 'Ошибок', 'Предупреждений', 'Записей', 'Что означает', 'Что сделать', 'Пример сообщения ЕГИССО'],
      rows: v.codes.map((c) => [c.code, c.errors, c.warnings, c.records, c.title, c.fix, c.reports[0] ?? '']),
    },
    {
      name: 'Записи',
      header: ['№ в протоколе', 'Идентификатор записи (recID)', 'Запись', 'Тип сообщения', 'Код', 'Сообщение ЕГИССО'],
      rows: v.records.flatMap((r) =>
        r.messages.length
          ? r.messages.map((m) => [r.index, r.recID, r.failed ? 'отклонена' : 'принята', KIND_WORD[m.kind], m.code, m.report])
          : [[r.index, r.recID, r.failed ? 'отклонена' : 'принята', '', '', 'ЕГИССО не указало причину']],
      ),
    },
  ];
}

export function protocolXlsxName(v: ProtocolView): string {
  const id = v.packageID.replace(/[^\w-]+/g, '').slice(0, 36) || 'пакет';
  return `ЕГИССО-протокол-${id}.xlsx`;
}
