// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { read, utils } from '@e965/xlsx';
import { checkFixture } from './helpers';
import { KIND_VIEWS } from '../../../components/report-views';
import { RenumberingView, PAGE_SIZE } from '../../../components/renumbering/RenumberingView';
import { buildMapping, filterRows, mappingSheet, mappingSummary, MAPPING_HEADER } from '../../../lib/renumbering/table';
import { buildXlsx } from '../../../lib/export/xlsx';
import { applyTogether } from '../../../lib/checks/registry';
import { licenceNumbers } from '../../../scripts/fixtures/renumbering';
import type { CheckReport } from '../../../lib/checks/report';

afterEach(cleanup);

const PROFILE = { orgName: 'Департамент лицензирования', inn: '', ogrn: '', region: '', contact: '' };

async function batch(): Promise<CheckReport[]> {
  return applyTogether(await Promise.all(['batch-export.zip', 'batch-erul.json', 'batch-import.json'].map(checkFixture)));
}

describe('renumbering mapping (lib)', () => {
  it('one row per licence with ЕРУЛ outcome, import state and description; counts in plain Russian', async () => {
    const m = buildMapping(await batch());
    expect(m.rows).toHaveLength(12);
    const row = (i: number) => m.rows.find((r) => r.old === licenceNumbers(100 + i).old)!;
    expect(row(0)).toMatchObject({ new: licenceNumbers(100).new, state: 'imported', erul: 'переприсвоен', import: 'загружен' });
    expect(row(5).import).toMatch(/^загружен с номером Л003-00119-44\/003889\d\d$/);
    expect(row(7)).toMatchObject({ state: 'alreadyInErul', erul: 'уже в ЕРУЛ' });
    expect(row(9).description).toContain('«Внутренняя ошибка сервиса»');
    expect(row(11)).toMatchObject({ state: 'exportedOnly', erul: 'нет в результатах ЕРУЛ' });
    expect(mappingSummary(m)).toEqual([
      'Всего 12 лицензий.',
      'ЕРУЛ переприсвоил номера: 7; из них загружено в ТОР КНД — 5, загружено с другим номером — 1, ещё не загружено — 1.',
      'Уже были в ЕРУЛ (это не ошибка, делать ничего не нужно): 2.',
      'С ошибками — нужно обращение в службу поддержки ТОР КНД: 1.',
      'Выгружено из ТОР КНД, но нет ни в одном результате ЕРУЛ: 2.',
    ]);
    expect(filterRows(m.rows, 'failed', '')).toHaveLength(1);
    expect(filterRows(m.rows, '', 'L023-00119-76/0011').map((r) => r.old)).toEqual([licenceNumbers(100).old, licenceNumbers(104).old]);
  });

  it('XLSX export has the five columns in order, and neutralises formula-like cells', async () => {
    const m = buildMapping(await batch());
    const rows = [...m.rows, { old: '=HYPERLINK("x")', new: '', state: 'failed' as const, erul: 'ошибка', import: '—', description: '' }];
    const wb = read(buildXlsx([mappingSheet(rows)]), { type: 'array' });
    const aoa = utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 });
    expect(aoa[0]).toEqual([...MAPPING_HEADER]);
    expect(MAPPING_HEADER).toEqual(['Старый номер', 'Новый номер', 'Результат ЕРУЛ', 'Загрузка в ТОР КНД', 'Описание']);
    expect(aoa[1][0]).toBe(licenceNumbers(100).old);
    expect(aoa[aoa.length - 1][0]).toBe('=HYPERLINK("x")');
  });
});

describe('renumbering report view', () => {
  it('is registered for the three renumbering kinds', () => {
    expect(KIND_VIEWS['erul-renumbering-result']).toBe(RenumberingView);
    expect(KIND_VIEWS['tor-knd-import-result']).toBe(RenumberingView);
    expect(KIND_VIEWS['tor-knd-registry-export']).toBe(RenumberingView);
  });

  it('shows counts, the table, filters by state, searches by number, and the letter with copy and mailto', async () => {
    const reports = await batch();
    const erul = reports[1];
    const { getByTestId, container, queryByTestId } = render(<RenumberingView report={reports[0]} batch={reports} profile={PROFILE} />);
    expect(getByTestId('renumbering-summary').textContent).toContain('ЕРУЛ переприсвоил номера: 7');
    expect(container.querySelectorAll('tbody tr')).toHaveLength(12);
    fireEvent.change(getByTestId('state-filter'), { target: { value: 'exportedOnly' } });
    expect(container.querySelectorAll('tbody tr')).toHaveLength(2);
    fireEvent.change(getByTestId('state-filter'), { target: { value: '' } });
    fireEvent.input(getByTestId('number-search'), { target: { value: licenceNumbers(105).old } });
    const rows = container.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].getAttribute('data-state')).toBe('importMismatch');
    expect(getByTestId('letter-to').textContent).toBe('kndsupport@voskhod.ru');
    expect(getByTestId('letter-reminder').textContent).toContain('«batch-erul.json»');
    expect(getByTestId('letter-mailto').getAttribute('href')).toMatch(/^mailto:kndsupport@voskhod\.ru\?subject=/);
    expect((getByTestId('letter-body') as HTMLTextAreaElement).value).toContain('Департамент лицензирования');
    cleanup();
    // the other files of the batch point to the first one instead of repeating the table
    const other = render(<RenumberingView report={erul} batch={reports} profile={PROFILE} />);
    expect(other.container.textContent).toContain('в отчёте о файле «batch-export.zip»');
    expect(queryByTestId('mapping-table')).toBeNull();
  });

  it('an export lists its files with their counts, flagging those over 200', async () => {
    const r = await checkFixture('export-over-limit.zip');
    const { getByTestId } = render(<RenumberingView report={r} batch={[r]} profile={PROFILE} />);
    const items = getByTestId('export-files').querySelectorAll('li');
    expect(items[0].textContent).toBe('«licenses_1.json» — 201 лицензия — больше 200: ЕРУЛ такой файл не примет');
    expect(items[0].className).toBe('error');
    expect(items[1].textContent).toBe('«licenses_2.json» — 49 лицензий');
  });

  it('pages a 50,000-row table instead of rendering it whole', () => {
    const records = Array.from({ length: 50_000 }, (_, i) => ({ ...licenceNumbers(i), outcome: 'renumbered' as const, error: '' }));
    const report: CheckReport = { file: 'big.json', kind: 'erul-renumbering-result', verdict: 'ok', summary: {}, findings: [], records };
    const t = performance.now();
    const { container, getByTestId } = render(<RenumberingView report={report} batch={[report]} profile={PROFILE} />);
    expect(container.querySelectorAll('tbody tr')).toHaveLength(PAGE_SIZE);
    expect(getByTestId('page-info').textContent).toBe(`Строки 1–${PAGE_SIZE} из 50000`);
    fireEvent.click(getByTestId('next-page'));
    expect(getByTestId('page-info').textContent).toBe(`Строки ${PAGE_SIZE + 1}–${2 * PAGE_SIZE} из 50000`);
    expect(container.querySelector('tbody tr td')?.textContent).toBe(licenceNumbers(PAGE_SIZE).old);
    expect(performance.now() - t).toBeLessThan(10_000);
  });

  it('renders file contents as text, never as HTML', () => {
    const records = [{ old: '<img src=x onerror=alert(1)>', new: '<b>Л</b>', outcome: 'failed' as const, error: '<script>x</script>' }];
    const report: CheckReport = { file: 'x.json', kind: 'erul-renumbering-result', verdict: 'error', summary: { failed: 1 }, findings: [], records };
    const { container } = render(<RenumberingView report={report} batch={[report]} profile={PROFILE} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
