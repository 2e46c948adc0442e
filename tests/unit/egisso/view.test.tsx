// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { read, utils } from '@e965/xlsx';
import { checkSource } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import { protocolSheets, protocolView } from '../../../lib/egisso/report-data';
import { buildXlsx } from '../../../lib/export/xlsx';
import { KIND_VIEWS } from '../../../components/report-views';
import { EgissoProtocolView } from '../../../components/egisso/ProtocolView';
import { ReportView } from '../../../components/ReportView';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';

async function check(name: string) {
  return checkSource(name, bytesSource(new Uint8Array(readFileSync(join(FIXTURES_DIR, 'egisso', name)))));
}

afterEach(cleanup);

describe('egisso-protocol report view', () => {
  it('is registered for the kind', () => {
    expect(KIND_VIEWS['egisso-protocol']).toBe(EgissoProtocolView);
  });

  it('shows package, type, status, accepted N of M, groups by code with the fix, and the records', async () => {
    const report = await check('errors-recorderror-1.0.3.xml');
    const { getByTestId, container, getAllByText } = render(<EgissoProtocolView report={report} batch={[report]} />);
    expect(getByTestId('accepted').textContent).toBe('3 из 5, отклонено 2');
    expect(container.textContent).toContain('bfd0b898-4dda-4744-85ad-6de310f25c88');
    expect(container.textContent).toContain('Реестр фактов назначений');
    expect(container.textContent).toContain('3 — обработан');
    const codes = [...container.querySelectorAll('.egisso-codes li')].map((li) => li.getAttribute('data-code'));
    expect(codes).toEqual(['019', '026']);
    expect(container.querySelector('.egisso-codes li')?.textContent).toMatch(/6 ошибок в 2 записях.*Что сделать:/);
    expect(container.querySelectorAll('.egisso-records tbody tr')).toHaveLength(2);
    expect(getAllByText('Только записи с этим кодом')).toHaveLength(2);
  });

  it('the report page says each rule code once: under «По кодам правил», not again in the list below', async () => {
    const report = await check('errors-recorderror-1.0.3.xml');
    const { container } = render(<ReportView report={report} batch={[report]} />);
    expect(container.querySelectorAll('.egisso-codes li')).toHaveLength(2);
    const below = [...container.querySelectorAll('ul.findings:not(.egisso-codes) li')].map((li) => li.getAttribute('data-code') ?? '');
    expect(below.filter((c) => c.startsWith('egisso-rule-'))).toEqual([]);
    // what the codes list does not show stays in the list, under a heading that says so
    expect(below.length).toBeGreaterThan(0);
    expect(container.textContent).toContain(`Другие замечания (${below.length})`);
    // the rule findings are still in the report itself (CLI, XLSX, letters)
    expect(report.findings.filter((f) => f.code.startsWith('egisso-rule-')).length).toBe(2);
  });

  it('filters to rejected records', async () => {
    const report = await check('errors-messages-1.0.4.xml');
    const { container } = render(<EgissoProtocolView report={report} batch={[report]} />);
    expect(container.querySelectorAll('.egisso-records tbody tr')).toHaveLength(2);
    fireEvent.click(container.querySelector('input[type=checkbox]')!);
    expect(container.querySelectorAll('.egisso-records tbody tr')).toHaveLength(1);
    fireEvent.click(container.querySelector('input[type=checkbox]')!);
    // only the records carrying the warning code 018
    const buttons = container.querySelectorAll('.egisso-codes button');
    expect([...container.querySelectorAll('.egisso-codes li')].map((li) => li.getAttribute('data-code'))).toEqual(['066', '018']);
    fireEvent.click(buttons[1]);
    const rows = container.querySelectorAll('.egisso-records tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('accd7a02-bc4b-4bde-9dbd-a531d9fe9988');
  });

  it('says a not-processed package is not processed', async () => {
    const report = await check('status-2-processing.xml');
    const { getByTestId, container } = render(<EgissoProtocolView report={report} batch={[report]} />);
    expect(getByTestId('accepted').textContent).toBe('пакет ещё не обработан');
    expect(container.textContent).toContain('Дождитесь статуса 3');
  });

  it('renders report text as text, never as HTML', async () => {
    const report = await check('confusing-prefixes.xml');
    const { container } = render(<EgissoProtocolView report={report} batch={[report]} />);
    expect(container.textContent).toContain('Критерий нуждаемости <доход> не указан у ЛМСЗ');
    expect(container.querySelector('доход')).toBeNull();
  });

  it('XLSX export: a sheet by code and a row per message, formula-like text neutralised', async () => {
    const report = await check('errors-recorderror-1.0.3.xml');
    const v = protocolView(report);
    v.records[0].messages[0].report = '=HYPERLINK("http://evil")';
    const wb = read(buildXlsx(protocolSheets(v)), { type: 'array' });
    expect(wb.SheetNames).toEqual(['По кодам', 'Записи']);
    const byCode = utils.sheet_to_json<string[]>(wb.Sheets['По кодам'], { header: 1 });
    expect(byCode[1].slice(0, 4)).toEqual(['019', 6, 0, 2]);
    const recs = utils.sheet_to_json<string[]>(wb.Sheets['Записи'], { header: 1 });
    expect(recs).toHaveLength(1 + 8);
    expect(recs[1][5]).toBe('=HYPERLINK("http://evil")');
    expect(recs[1].slice(1, 5)).toEqual(['58379', 'отклонена', 'ошибка', '019']);
  });
});
