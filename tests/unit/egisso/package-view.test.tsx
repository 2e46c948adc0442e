// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { read, utils } from '@e965/xlsx';
import { checkSource } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import { packageSheets, packageView, filterRows } from '../../../lib/egisso/package-view';
import { buildXlsx } from '../../../lib/export/xlsx';
import { KIND_VIEWS } from '../../../components/report-views';
import { EgissoPackageView } from '../../../components/egisso/PackageView';
import { EgissoProtocolView } from '../../../components/egisso/ProtocolView';
import { egissoCard, preflightLine } from '../../../lib/dashboard/egisso';
import type { DashEntry } from '../../../lib/dashboard/types';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';

const check = (name: string) => checkSource(name, bytesSource(new Uint8Array(readFileSync(join(FIXTURES_DIR, 'egisso', name)))));

afterEach(cleanup);

describe('egisso-package report view', () => {
  it('is registered; counts, next action, one row per element with problems', async () => {
    expect(KIND_VIEWS['egisso-package']).toBe(EgissoPackageView);
    const report = await check('package-10.06.S-1.1.0-invalid.xml');
    const { getByTestId, container } = render(<EgissoPackageView report={report} batch={[report]} />);
    expect(getByTestId('egisso-package-next').textContent).toMatch(/выгрузите пакет заново/);
    expect(getByTestId('egisso-package-counts').textContent).toBe('7, из них фактов назначения 6; с ошибками 5; только с предупреждениями 1');
    expect(container.querySelectorAll('.egisso-package-rows tbody tr')).toHaveLength(6);
  });
  it('filters by check and searches by СНИЛС (with dashes), ФИО and uuid', async () => {
    const report = await check('package-10.06.S-1.1.0-invalid.xml');
    const { container, getByPlaceholderText, getByLabelText } = render(<EgissoPackageView report={report} batch={[report]} />);
    const rows = () => container.querySelectorAll('.egisso-package-rows tbody tr').length;
    fireEvent.change(getByLabelText(/Проверка/), { target: { value: 'gender' } });
    expect(rows()).toBe(1);
    fireEvent.change(getByLabelText(/Проверка/), { target: { value: '' } });
    const search = getByPlaceholderText('СНИЛС, ФИО или uuid');
    fireEvent.input(search, { target: { value: 'образцова' } });
    expect(rows()).toBe(1);
    fireEvent.input(search, { target: { value: 'not-a-uuid' } });
    expect(rows()).toBe(1);
    const v = packageView(report);
    const snils = v.rows.find((r) => r.person.startsWith('Образцова'))!.snils;
    expect(filterRows(v.rows, '', `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`)).toHaveLength(1);
  });
  it('XLSX: a row per problem with what to fix', async () => {
    const report = await check('package-10.06.S-1.1.0-invalid.xml');
    const wb = read(buildXlsx(packageSheets(packageView(report))));
    const rows = utils.sheet_to_json<unknown[]>(wb.Sheets['Ошибки пакета'], { header: 1 });
    expect(rows[0]).toEqual(['Строка', 'Элемент', 'Идентификатор (uuid)', 'ФИО', 'СНИЛС', 'Проверка', 'Важность', 'Что не так', 'Что сделать']);
    expect(rows.length - 1).toBe(14);
    expect(rows.some((r) => String(r[5]).startsWith('Контрольное число СНИЛС'))).toBe(true);
  });
  it('ФИО from the file is text, never markup', async () => {
    const report = await check('package-10.06.S-1.1.0-invalid.xml');
    const elements = report.details!.elements as { person: string }[];
    elements[0].person = '<img src=x onerror=alert(1)>';
    const { container } = render(<EgissoPackageView report={report} batch={[report]} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('egisso-protocol view: messageResult', () => {
  it('shows every error with code, message, time and the next action', async () => {
    const report = await check('message-result-1.0.4.xml');
    const { container, getByTestId } = render(<EgissoProtocolView report={report} batch={[report]} />);
    expect(getByTestId('egisso-next').textContent).toMatch(/Сформируйте и отправьте пакет заново/);
    const cells = [...container.querySelectorAll('.egisso-message-errors tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(cells).toEqual([
      ['1', 'E-01', 'Не соответствует схеме', '01.03.2024 10:00:04'],
      ['2', '—', 'Подпись не прошла проверку', '—'],
    ]);
  });
});

describe('popup ЕГИССО card: the last pre-flight result', () => {
  const entry = async (name: string, at: number, id: number): Promise<DashEntry> => {
    const report = await check(name);
    return { id, fileName: `/tmp/${name}`, kind: report.kind, verdict: report.verdict, status: 'done', firstSeenAt: at, lastSeenAt: at, report, portal: 'egisso' } as DashEntry;
  };
  it('no protocols yet: the card shows the pre-flight verdict and what to do', async () => {
    const e = await entry('package-10.06.S-1.1.0-invalid.xml', 1000, 7);
    const card = egissoCard([e], { closedPeriods: [], userHosts: [] }, 2000);
    expect(card.tone).toBe('error');
    expect(card.state).toBe(preflightLine(e));
    expect(card.state).toMatch(/с ошибками 5 — исправьте до загрузки/);
    expect(card.actions[0]).toEqual({ type: 'report', entryId: 7, label: 'Отчёт о пакете' });
  });
  it('a valid package checked after the protocols: ok line, upload next', async () => {
    const p = await entry('protocol-2.3.0.xml', 1000, 1);
    const e = await entry('package-10.06.S-1.1.0-valid.xml', 5000, 2);
    const card = egissoCard([p, e], { closedPeriods: [], userHosts: [] }, 6000);
    expect(card.state).toMatch(/ошибок нет, можно загружать/);
    expect(card.tone).toBe('error'); // the older protocol still has rejected records
    expect(card.lines[0]).toMatch(/Отклонен[аоы]? 1 запись/);
  });
});
