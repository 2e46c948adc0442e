// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { read, utils } from '@e965/xlsx';
import { checkSource, applyTogether } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import { buildXlsx } from '../../../lib/export/xlsx';
import { KIND_VIEWS } from '../../../components/report-views';
import { ArchiveView, ErrorReportView, LkoWithoutIdView, UnboundTopicsView, UploadStatusView } from '../../../components/sstu/views';
import { summarySheet, unboundSummary } from '../../../lib/sstu/report-data';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';

async function check(name: string) {
  const p = join(FIXTURES_DIR, 'sstu', name);
  return checkSource(p, bytesSource(new Uint8Array(readFileSync(p))));
}

const PROFILE = { name: 'Администрация городского округа Котельники', inn: '7707034952', ogrn: '1027739591010' };

afterEach(cleanup);

describe('ССТУ.РФ report views', () => {
  it('are registered for the five contract kinds', () => {
    expect(KIND_VIEWS['sstu-unbound-topics']).toBe(UnboundTopicsView);
    expect(KIND_VIEWS['sstu-lko-without-id']).toBe(LkoWithoutIdView);
    expect(KIND_VIEWS['sstu-upload-status']).toBe(UploadStatusView);
    expect(KIND_VIEWS['sstu-error-report']).toBe(ErrorReportView);
    expect(KIND_VIEWS['sstu-archive']).toBe(ArchiveView);
  });

  it('error summary: one row per distinct topic with messages and ЛКО names; the letter with copy and mailto', async () => {
    const own = await check('unbound-own.xls');
    const tree = await check('unbound-tree.xlsx');
    const { getByTestId, getByText } = render(<UnboundTopicsView report={own} batch={[own, tree]} profile={PROFILE} />);
    const rows = getByTestId('summary-table').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(3);
    // both reports merged: messages summed, ЛКО listed once with names
    expect([...rows[0].querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'Дороги',
      'Ремонт дорог',
      'Ямы на дороге',
      '6',
      'Министерство транспорта и дорожной инфраструктуры Московской области (1001), Администрация городского округа Котельники (1002)',
    ]);
    expect(getByTestId('sstu-headline').textContent).toContain('по 2 перечням');
    const body = (getByTestId('letter-body') as HTMLTextAreaElement).value;
    expect(body.split('\n')).toEqual([
      '1) Администрация городского округа Котельники.',
      '2) ОГРН 1027739591010 / ИНН 7707034952.',
      '3) ПОС. Модуль сообщения.',
      '4) Отсутствует привязка факта «Ямы на дороге» подкатегории «Ремонт дорог» к классификатору УРОГ.',
      'Отсутствует привязка подкатегории «Отопление» к классификатору УРОГ.',
      'Отсутствует привязка факта «Тестовый факт 1» подкатегории «Тестовая подкатегория 1» к классификатору УРОГ.',
    ]);
    expect(getByTestId('letter-to').textContent).toBe('sd@sc.digital.gov.ru');
    expect(getByTestId('letter-mailto').getAttribute('href')).toMatch(/^mailto:sd@sc\.digital\.gov\.ru\?subject=/);
    const writeText = vi.fn(async (_: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(getByText('Скопировать текст'));
    await waitFor(() => expect(getByText('Текст скопирован.')).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith(body);
  });

  it('XLSX export of the summary neutralises formula-like cells', async () => {
    const r = await check('unbound-own.xls');
    const rows = unboundSummary([r]);
    rows[0] = { ...rows[0], fact: '=HYPERLINK("http://x")' };
    const wb = read(buildXlsx([summarySheet('Тематики без УРОГ', rows)]), { type: 'array' });
    const aoa = utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 });
    expect(aoa[0]).toEqual(['Категория обращения', 'Подкатегория обращения', 'Факт обращения', 'Сообщений', 'ЛКО']);
    expect(aoa[1][2]).toBe('=HYPERLINK("http://x")');
    expect(aoa).toHaveLength(4);
  });

  it('children without an id: the names; the tree state: figures and the ЛКО with problems', async () => {
    const lko = await check('lko-without-id.xls');
    const a = render(<LkoWithoutIdView report={lko} batch={[lko]} />);
    expect([...a.getByTestId('lko-table').querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual([
      '4001МКОУ «Катайская средняя общеобразовательная школа»',
      '4002Администрация сельского поселения Заречное',
      '4003ГБУЗ «Районная больница № 2»',
    ]);
    cleanup();
    const st = await check('status-inconsistent.xlsx');
    const b = render(<UploadStatusView report={st} batch={[st]} />);
    expect(b.getByTestId('tree-state').textContent).toContain('3 в итогах, 2 по строкам');
    const rows = b.getByTestId('lko-status-table').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Администрация района (2003)');
    fireEvent.click(b.getByRole('checkbox'));
    expect(b.getByTestId('lko-status-table').querySelectorAll('tbody tr')).toHaveLength(3);
  });

  it('transfer errors: summary by topic and type, letter from the rejections', async () => {
    const r = await check('errors.xls');
    const { getByTestId } = render(<ErrorReportView report={r} batch={[r]} profile={PROFILE} />);
    expect(getByTestId('summary-table').querySelectorAll('tbody tr')).toHaveLength(3);
    const body = (getByTestId('letter-body') as HTMLTextAreaElement).value;
    expect(body).toContain('ССТУ.РФ отказал в приёме сообщений (2) (шаг 3, 5): «Не заполнено обязательное поле «Дата ответа»».');
    expect(body).toContain('Номера обращений в ПОС: 20000002, 20000003, 20000004, 20000005.');
  });

  it('archive: the numbering of archives checked together', async () => {
    const [one] = applyTogether([await check('gap/Файл_1.zip'), await check('gap/Файл_3.zip')]);
    const { getByTestId } = render(<ArchiveView report={one} batch={[one]} />);
    expect(getByTestId('archive-table').textContent).toContain('Файл_1, Файл_3; нет Файл_2');
  });

  it('an unreadable report shows no kind view', async () => {
    const r = await check('session/Отчет с ошибками.xls');
    const { container } = render(<ErrorReportView report={r} batch={[r]} />);
    expect(container.textContent).toBe('');
  });
});
