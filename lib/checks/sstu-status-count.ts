/**
 * «Отчет по своему ЛКО о количестве загруженных в ССТУ статусов». The instruction shows this report only by
 * its name (рисунок 4), so the check is tolerant: it reads whatever «required»/«uploaded» counts it finds.
 */
import { cellAddress } from '../formats/sheet';
import type { Finding } from './report';
import type { KindCheck, KindResult } from './types';
import { detectSstu, locate, sheetWhere } from './sstu-detect';
import { cleanText, count, tableRows } from '../sstu/table';
import { parseCount } from '../sstu/status';

export interface StatusCountDetails {
  rows: { row: number; lko: string; period: string; required: number | null; uploaded: number | null; notUploaded: number | null }[];
  sheet: string;
}

export const sstuStatusCount: KindCheck = {
  id: 'sstu-status-count',
  detect: (file) => detectSstu(file, 'sstu-status-count'),
  async check(file): Promise<KindResult> {
    const { sheet, header } = await locate(file, 'sstu-status-count');
    const rows: StatusCountDetails['rows'] = tableRows(sheet, header).map((r) => ({
      row: r.index,
      lko: cleanText(r.cells.lkoName || r.cells.lkoId || ''),
      period: cleanText(r.cells.period ?? ''),
      required: parseCount(r.cells.required ?? ''),
      uploaded: parseCount(r.cells.uploaded ?? ''),
      notUploaded: parseCount(r.cells.notUploaded ?? ''),
    }));
    const sum = (k: 'required' | 'uploaded' | 'notUploaded') =>
      rows.some((r) => r[k] !== null) ? rows.reduce((s, r) => s + (r[k] ?? 0), 0) : null;
    const required = sum('required');
    const uploaded = sum('uploaded');
    const findings: Finding[] = [];
    const short = rows.filter((r) => (r.required !== null && r.uploaded !== null && r.uploaded < r.required) || (r.notUploaded ?? 0) > 0);
    for (const r of short.slice(0, 100)) {
      const missing = r.notUploaded ?? (r.required ?? 0) - (r.uploaded ?? 0);
      findings.push({
        severity: 'error',
        code: 'statuses-not-uploaded',
        message:
          `${r.lko ? `ЛКО «${r.lko}»` : 'ЛКО'}${r.period ? ` за ${r.period}` : ''}: в ССТУ.РФ не загружено ${count(missing, 'статус', 'статуса', 'статусов')}` +
          `${r.required !== null ? ` из ${r.required}` : ''}. Повторите отправку или выгрузку архивов до 5-го числа.`,
        where: sheetWhere(sheet, cellAddress(r.row, header.columns.uploaded ?? header.columns.required ?? 0)),
      });
    }
    if (rows.length === 0) {
      findings.push({ severity: 'info', code: 'status-count-empty', message: 'Отчёт пуст: строк с количеством статусов нет.' });
    } else if (short.length === 0) {
      findings.push({
        severity: 'info',
        code: 'statuses-uploaded',
        message: `Загружены все статусы${required !== null ? ` (${required})` : ''}: расхождений между требуемым и загруженным количеством нет.`,
      });
    }
    const details: StatusCountDetails = { rows: rows.slice(0, 5000), sheet: sheet.name };
    return {
      summary: { rows: rows.length, required, uploaded },
      findings,
      details: details as unknown as Record<string, unknown>,
    };
  },
};
