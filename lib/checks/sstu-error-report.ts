/**
 * «Отчет с ошибками» / «Отчет об ошибках» of the API transfer to ССТУ.РФ (seed 004, п. 3.1, 6.1): connection
 * errors (ПОС retries them itself when «Ожидается»), rejections «Отказ в приеме» with «<шаг> : <текст ССТУ>».
 */
import { cellAddress } from '../formats/sheet';
import type { Finding } from './report';
import type { KindCheck, KindResult } from './types';
import { detectSstu, locate, periodOf, sheetWhere } from './sstu-detect';
import { cleanText, count, listShort, normValue, tableRows } from '../sstu/table';
import { ERROR_TYPES, RETRY_VALUES } from '../sstu/columns';
import { POS_SUPPORT_EMAIL } from '../sstu/topics';

export type ErrorType = 'connection' | 'rejected' | 'other';
export type Retry = 'expected' | 'notExpected' | 'unknown';

export interface TransferErrorRow {
  row: number;
  lko: string;
  number: string;
  category: string;
  subcategory: string;
  fact: string;
  type: ErrorType;
  typeText: string;
  /** Step number of a rejection, when the reason starts with «<шаг> :». */
  step: string;
  /** ССТУ text of a rejection, or the reason as written. */
  text: string;
  retry: Retry;
}

export interface ErrorGroup {
  category: string;
  subcategory: string;
  fact: string;
  type: ErrorType;
  messages: number;
  lko: string[];
}

export interface ErrorReportDetails {
  /** At most MAX_ROWS rows, for the report view. */
  rows: TransferErrorRow[];
  rowsTruncated: boolean;
  /** One row per distinct (category, subcategory, fact, error type). */
  groups: ErrorGroup[];
  /** Distinct ССТУ rejection texts with their counts. */
  rejections: { text: string; messages: number; steps: string[] }[];
  period: string | null;
  sheet: string;
}

const MAX_ROWS = 5000;
const MAX_REJECTION_FINDINGS = 100;

export function errorTypeOf(s: string): ErrorType {
  const v = normValue(s);
  if (v.startsWith(ERROR_TYPES.connection)) return 'connection';
  if (v.startsWith('отказ в прием')) return 'rejected';
  return 'other';
}

export function retryOf(s: string): Retry {
  const v = normValue(s);
  if (v.startsWith(RETRY_VALUES.notExpected)) return 'notExpected';
  if (v.startsWith(RETRY_VALUES.expected)) return 'expected';
  return 'unknown';
}

/** «12 : Текст ошибки» → step 12 and the text. */
export function splitReason(s: string): { step: string; text: string } {
  const m = /^\s*(?:шаг\s*)?(\d+)\s*[:：]\s*([\s\S]*)$/i.exec(s);
  return m ? { step: m[1], text: cleanText(m[2]) } : { step: '', text: cleanText(s) };
}

export const sstuErrorReport: KindCheck = {
  id: 'sstu-error-report',
  detect: (file) => detectSstu(file, 'sstu-error-report'),
  async check(file): Promise<KindResult> {
    const { sheet, header, title } = await locate(file, 'sstu-error-report');
    const rows = tableRows(sheet, header);
    let connection = 0;
    let rejected = 0;
    let retryExpected = 0;
    let retryNotExpected = 0;
    let connectionRetry = 0;
    let connectionNoRetry = 0;
    let other = 0;
    const kept: TransferErrorRow[] = [];
    const groups = new Map<string, ErrorGroup & { lkoSet: Set<string> }>();
    const rejections = new Map<string, { text: string; messages: number; steps: string[]; firstRow: number }>();
    let firstOther = -1;
    for (const r of rows) {
      const c = r.cells;
      const typeText = cleanText(c.errorType ?? '');
      const type = errorTypeOf(typeText);
      const retry = retryOf(c.retry ?? '');
      const { step, text } = splitReason(c.reason ?? '');
      if (type === 'connection') connection++;
      else if (type === 'rejected') rejected++;
      else {
        other++;
        if (firstOther < 0) firstOther = r.index;
      }
      if (retry === 'expected') retryExpected++;
      if (retry === 'notExpected') retryNotExpected++;
      if (type === 'connection') {
        if (retry === 'expected') connectionRetry++;
        else connectionNoRetry++;
      }
      const row: TransferErrorRow = {
        row: r.index,
        lko: cleanText(c.lkoId ?? ''),
        number: cleanText(c.number ?? ''),
        category: cleanText(c.category ?? ''),
        subcategory: cleanText(c.subcategory ?? ''),
        fact: cleanText(c.fact ?? ''),
        type,
        typeText,
        step,
        text,
        retry,
      };
      if (kept.length < MAX_ROWS) kept.push(row);
      const gk = `${normValue(row.category)}\u0000${normValue(row.subcategory)}\u0000${normValue(row.fact)}\u0000${type}`;
      let g = groups.get(gk);
      if (!g) {
        g = { category: row.category, subcategory: row.subcategory, fact: row.fact, type, messages: 0, lko: [], lkoSet: new Set() };
        groups.set(gk, g);
      }
      g.messages++;
      if (row.lko && !g.lkoSet.has(row.lko)) {
        g.lkoSet.add(row.lko);
        g.lko.push(row.lko);
      }
      if (type === 'rejected') {
        const rk = normValue(text);
        let rj = rejections.get(rk);
        if (!rj) {
          rj = { text, messages: 0, steps: [], firstRow: r.index };
          rejections.set(rk, rj);
        }
        rj.messages++;
        if (step && !rj.steps.includes(step) && rj.steps.length < 20) rj.steps.push(step);
      }
    }

    const findings: Finding[] = [];
    const where = (row: number, key: string) => sheetWhere(sheet, cellAddress(row, header.columns[key] ?? 0));
    if (rows.length === 0) {
      findings.push({ severity: 'info', code: 'no-transfer-errors', message: 'Отчёт пуст: ошибок передачи в ССТУ.РФ нет.' });
    } else {
      findings.push({
        severity: 'error',
        code: 'transfer-errors',
        message:
          `${count(rows.length, 'сообщение не передано', 'сообщения не переданы', 'сообщений не переданы')} в ССТУ.РФ: ` +
          `ошибок связи — ${connection}, отказов в приёме — ${rejected}. Пока они есть, данные за период переданы не полностью.`,
      });
      if (connectionRetry > 0) {
        findings.push({
          severity: 'warn',
          code: 'connection-error-retry-expected',
          message:
            `${count(connectionRetry, 'ошибка', 'ошибки', 'ошибок')} связи с повторной отправкой «Ожидается»: ПОС отправит эти сообщения ещё раз сам. ` +
            'Подождите и нажмите «Обновить статус отправки»; если ошибки не исчезнут — обратитесь в поддержку Оператора ПОС.',
        });
      }
      if (connectionNoRetry > 0) {
        findings.push({
          severity: 'error',
          code: 'connection-error-no-retry',
          message:
            `Ошибок связи, после которых ПОС не будет повторять отправку: ${connectionNoRetry}. Нажмите «Повторить отправку» в разделе «ССТУ.РФ»; ` +
            `если ошибка повторится — напишите в поддержку Оператора ПОС (${POS_SUPPORT_EMAIL}).`,
        });
      }
      const rj = [...rejections.values()].sort((a, b) => b.messages - a.messages);
      for (const r of rj.slice(0, MAX_REJECTION_FINDINGS)) {
        findings.push({
          severity: 'error',
          code: 'rejected',
          message:
            `ССТУ.РФ отказал в приёме ${count(r.messages, 'сообщения', 'сообщений', 'сообщений')}` +
            `${r.steps.length ? ` (шаг ${listShort(r.steps, 5)} в «Ходе работ»)` : ''}: «${r.text || 'текст ошибки не указан'}». ` +
            `Исправьте данные обращения на этом шаге и нажмите «Повторить отправку»; если причина неясна — напишите в поддержку Оператора ПОС (${POS_SUPPORT_EMAIL}).`,
          where: where(r.firstRow, 'reason'),
        });
      }
      if (rj.length > MAX_REJECTION_FINDINGS) {
        findings.push({ severity: 'error', code: 'rejected', message: `И ещё ${rj.length - MAX_REJECTION_FINDINGS} разных причин отказа: полный список — в отчёте.` });
      }
      if (other > 0) {
        findings.push({
          severity: 'error',
          code: 'unknown-error-type',
          message: `В ${count(other, 'строке', 'строках', 'строках')} тип ошибки не «Ошибка связи» и не «Отказ в приеме». Обратитесь в поддержку Оператора ПОС (${POS_SUPPORT_EMAIL}).`,
          where: where(firstOther, 'errorType'),
        });
      }
    }
    const details: ErrorReportDetails = {
      rows: kept,
      rowsTruncated: rows.length > kept.length,
      groups: [...groups.values()].map(({ lkoSet: _s, ...g }) => g),
      rejections: [...rejections.values()].map(({ firstRow: _f, ...r }) => r),
      period: periodOf(title, file.name),
      sheet: sheet.name,
    };
    return {
      summary: { rows: rows.length, connectionErrors: connection, rejected, retryExpected, retryNotExpected },
      findings,
      details: details as unknown as Record<string, unknown>,
    };
  },
};
