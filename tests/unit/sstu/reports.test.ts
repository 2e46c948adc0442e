import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';
import type { CheckReport } from '../../../lib/checks/report';
import type { UploadStatusDetails } from '../../../lib/checks/sstu-upload-status';
import type { ErrorReportDetails } from '../../../lib/checks/sstu-error-report';
import type { LkoWithoutIdDetails } from '../../../lib/checks/sstu-lko-without-id';
import type { UnboundDetails } from '../../../lib/checks/sstu-unbound-topics';

const fx = (n: string) => join(FIXTURES_DIR, 'sstu', n);

async function check(name: string): Promise<CheckReport> {
  return checkSource(fx(name), bytesSource(new Uint8Array(readFileSync(fx(name)))));
}

const codes = (r: CheckReport) => r.findings.map((f) => f.code);

const EXPECTED_TOPICS = [
  { category: 'Дороги', subcategory: 'Ремонт дорог', fact: 'Ямы на дороге', messages: 3, lko: ['1001', '1002'] },
  { category: 'ЖКХ', subcategory: 'Отопление', fact: '', messages: 1, lko: ['1002'] },
  { category: 'Тестовая категория', subcategory: 'Тестовая подкатегория 1', fact: 'Тестовый факт 1', messages: 1, lko: ['1001'] },
];

describe('sstu-unbound-topics', () => {
  it.each(['unbound-own.xls', 'unbound-tree.xlsx', 'unbound-html-utf8.xls', 'unbound-html-cp1251.xls'])(
    '%s: the same distinct topics in every form (BIFF, xlsx with reordered renamed columns, HTML UTF-8 and windows-1251)',
    async (name) => {
      const r = await check(name);
      expect(r.kind).toBe('sstu-unbound-topics');
      expect(r.verdict).toBe('error');
      expect(r.summary).toEqual({ rows: 5, lko: 2, topics: 3 });
      expect(r.topics).toEqual(EXPECTED_TOPICS);
      const d = r.details as unknown as UnboundDetails;
      expect(d.lkoNames['1002']).toBe('Администрация городского округа Котельники');
      expect(d.numbers[0]).toEqual(['12345678', '12345679', '12345680']);
      // the support line of the instruction's example, and the variant without a fact
      const messages = r.findings.map((f) => f.message);
      expect(messages.some((m) => m.startsWith('Отсутствует привязка факта «Тестовый факт 1» подкатегории «Тестовая подкатегория 1» к классификатору УРОГ.'))).toBe(true);
      expect(messages.some((m) => m.startsWith('Отсутствует привязка подкатегории «Отопление» к классификатору УРОГ.'))).toBe(true);
    },
  );

  it('the header below merged title rows is found and cells are addressed on the right row', async () => {
    const r = await check('unbound-own.xls');
    // two title rows + a blank row: header on row 4, first data row 5, subcategory in column E
    expect(r.findings.find((f) => f.code === 'unbound-topic')?.where).toBe('строка 5 листа «Отчет»');
    expect((r.details as unknown as UnboundDetails).scope).toBe('own');
    expect((r.details as unknown as UnboundDetails).period).toBe('2023-11');
    expect(((await check('unbound-tree.xlsx')).details as unknown as UnboundDetails).scope).toBe('tree');
  });

  it('an empty report (header only) is ok with nothing to do', async () => {
    const r = await check('unbound-empty.xls');
    expect(r.kind).toBe('sstu-unbound-topics');
    expect(r.verdict).toBe('ok');
    expect(r.summary).toEqual({ rows: 0, lko: 0, topics: 0 });
    expect(r.topics).toEqual([]);
    expect(codes(r)).toEqual(['no-unbound-topics']);
  });
});

describe('sstu-lko-without-id', () => {
  it.each(['lko-without-id.xls', 'lko-without-id.xlsx'])('%s lists the children by name whatever the column order', async (name) => {
    const r = await check(name);
    expect(r.kind).toBe('sstu-lko-without-id');
    expect(r.verdict).toBe('error');
    expect(r.summary).toEqual({ lko: 3 });
    expect((r.details as unknown as LkoWithoutIdDetails).lko.map((l) => [l.id, l.name])).toEqual([
      ['4001', 'МКОУ «Катайская средняя общеобразовательная школа»'],
      ['4002', 'Администрация сельского поселения Заречное'],
      ['4003', 'ГБУЗ «Районная больница № 2»'],
    ]);
  });

  it('an empty list is ok', async () => {
    const r = await check('lko-without-id-empty.xlsx');
    expect([r.kind, r.verdict, r.summary.lko]).toEqual(['sstu-lko-without-id', 'ok', 0]);
  });
});

describe('sstu-upload-status', () => {
  it('all ЛКО succeeded (API or archive), summary agrees, a % stored as a number: ok', async () => {
    const r = await check('status-ok.xlsx');
    expect(r.kind).toBe('sstu-upload-status');
    expect(r.summary).toEqual({ totalLko: 3, succeeded: 3, notUploaded: 0, withErrors: 0, consistent: true });
    expect(r.verdict).toBe('ok');
    const d = r.details as unknown as UploadStatusDetails;
    expect(d.requiredStatuses).toBe(5);
    expect(d.periodClosed).toBe(true);
    expect(d.lko.map((l) => l.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(codes(r)).not.toContain('percent-mismatch');
  });

  it('lists each ЛКО that has not uploaded or uploaded with errors, and why', async () => {
    const r = await check('status-mixed.xls');
    expect(r.summary).toEqual({ totalLko: 4, succeeded: 1, notUploaded: 2, withErrors: 1, consistent: true });
    expect(r.verdict).toBe('error');
    const errs = r.findings.filter((f) => f.code === 'lko-upload-errors' || f.code === 'lko-not-uploaded');
    expect(errs.map((f) => f.where)).toEqual(['строка 11 листа «Статус»', 'строка 12 листа «Статус»', 'строка 13 листа «Статус»']);
    expect(errs[0].message).toContain('«Министерство образования области»');
    expect(errs[0].message).toContain('Ошибка связи');
    expect(errs[0].message).toContain('ПОС повторит отправку сам');
    expect(errs[1].message).toContain('«Производится»');
    // 30 of 50 is not 80 %
    expect(r.findings.find((f) => f.code === 'percent-mismatch')?.message).toContain('30 из 50');
  });

  it('a summary that disagrees with its rows: consistent false, verdict error, figures as the report states them', async () => {
    const r = await check('status-inconsistent.xlsx');
    expect(r.summary).toEqual({ totalLko: 3, succeeded: 3, notUploaded: 0, withErrors: 0, consistent: false });
    expect(r.verdict).toBe('error');
    const mismatch = r.findings.find((f) => f.code === 'summary-mismatch');
    expect(mismatch?.message).toContain('«Успешно осуществили выгрузку» — в итогах 3, по строкам 2');
    expect((r.details as unknown as UploadStatusDetails).counted).toEqual({ totalLko: 3, succeeded: 2, notUploaded: 0, withErrors: 1 });
  });

  it('the summary on a sheet of its own; counts shown as «1,234» are thousands', async () => {
    const r = await check('status-two-sheets.xlsx');
    expect(r.kind).toBe('sstu-upload-status');
    expect(r.summary).toEqual({ totalLko: 3, succeeded: 3, notUploaded: 0, withErrors: 0, consistent: true });
    const d = r.details as unknown as UploadStatusDetails;
    expect(d.lko.map((l) => l.required)).toEqual([1234, 2000, 0]);
    expect(d.requiredStatuses).toBe(3234);
    expect(d.stated.totalLko?.value).toBe(3);
    expect(r.findings.map((f) => f.code)).not.toContain('percent-mismatch');
  });

  it('HTML with the summary in its own table above the ЛКО table', async () => {
    const r = await check('status-html-two-tables.xls');
    expect(r.kind).toBe('sstu-upload-status');
    expect(r.summary).toEqual({ totalLko: 2, succeeded: 1, notUploaded: 1, withErrors: 0, consistent: true });
    expect(r.verdict).toBe('error');
    expect(r.findings.find((f) => f.code === 'lko-not-uploaded')?.message).toContain('Администрация посёлка');
  });

  it('HTML in windows-1251 with the summary after the table, figures inside the label cells', async () => {
    const r = await check('status-html-cp1251.xls');
    expect(r.kind).toBe('sstu-upload-status');
    expect(r.summary).toEqual({ totalLko: 2, succeeded: 2, notUploaded: 0, withErrors: 0, consistent: true });
    expect(r.verdict).toBe('ok');
  });
});

describe('sstu-error-report', () => {
  it.each(['errors.xls', 'errors-html-utf8.xls'])('%s: connection errors, rejections with step and ССТУ text, retry states', async (name) => {
    const r = await check(name);
    expect(r.kind).toBe('sstu-error-report');
    expect(r.verdict).toBe('error');
    expect(r.summary).toEqual({ rows: 5, connectionErrors: 2, rejected: 3, retryExpected: 1, retryNotExpected: 4 });
    const d = r.details as unknown as ErrorReportDetails;
    expect(d.rejections).toEqual([
      { text: 'Не заполнено обязательное поле «Дата ответа»', messages: 2, steps: ['3', '5'] },
      { text: 'Неверный идентификатор органа', messages: 1, steps: ['2'] },
    ]);
    expect(d.groups.map((g) => [g.subcategory, g.type, g.messages])).toEqual([
      ['Ремонт дорог', 'connection', 2],
      ['Отопление', 'rejected', 2],
      ['Общественный транспорт', 'rejected', 1],
    ]);
    expect(codes(r)).toEqual(expect.arrayContaining(['transfer-errors', 'connection-error-retry-expected', 'connection-error-no-retry', 'rejected']));
    expect(r.findings.find((f) => f.code === 'connection-error-retry-expected')?.severity).toBe('warn');
  });

  it('an empty error report is ok', async () => {
    const r = await check('errors-empty.xlsx');
    expect([r.kind, r.verdict]).toEqual(['sstu-error-report', 'ok']);
    expect(r.summary).toEqual({ rows: 0, connectionErrors: 0, rejected: 0, retryExpected: 0, retryNotExpected: 0 });
  });
});

describe('the status-count report (no contract kind: sstu-status-count)', () => {
  it('is told apart from the ЛКО list by its title and says how many statuses are missing', async () => {
    const r = await check('status-count.xls');
    expect(r.kind).toBe('sstu-status-count');
    expect(r.summary).toEqual({ rows: 1, required: 150, uploaded: 140 });
    expect(r.verdict).toBe('error');
    expect(r.findings[0].message).toContain('не загружено 10 статусов из 150');
  });
});

describe('an .xls that is really the portal error page', () => {
  it('«Сессия истекла» without a table: unreadable, says the session expired', async () => {
    const r = await check('session-expired.xls');
    expect(r.verdict).toBe('error');
    expect(r.findings[0].code).toBe('unreadable');
    expect(r.findings[0].message).toContain('Сессия истекла');
  });

  it('named like a report: the report kind, still unreadable with the cause', async () => {
    const r = await check('session/Отчет с ошибками.xls');
    expect([r.kind, r.verdict, r.findings[0].code]).toEqual(['sstu-error-report', 'error', 'unreadable']);
    const t = await check('session/Перечень сообщений по своему ЛКО без тематик УРОГ.xls');
    expect([t.kind, t.verdict, t.findings[0].code]).toEqual(['sstu-unbound-topics', 'error', 'unreadable']);
    expect(t.details).toEqual({ cause: 'session-expired' });
    expect(t.findings[0].message).toContain('истекла сессия');
  });
});
