/** Kind egisso-package: the pre-flight check of an outgoing ЕГИССО package (10.06.S, 10.05.I). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import { nextAction } from '../../../lib/checks/next-action';
import { readPackage, snilsProblem, isRus100, xsDate } from '../../../lib/egisso/package';
import { isWithdrawn } from '../../../lib/egisso/package-root';
import type { CheckContext } from '../../../lib/checks/types';
import type { CheckReport } from '../../../lib/checks/report';
import { factPackageXml, factSpec, lmszPackageXml, snilsOf, LMSZ_ID, type FactSpec, type LmszSpec } from '../../../scripts/fixtures/egisso-published';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';

const SUMMARY_KEYS = ['message', 'version', 'withdrawn', 'elements', 'facts', 'problems', 'byCheck'];
const fx = (n: string) => new Uint8Array(readFileSync(join(FIXTURES_DIR, 'egisso', n)));
const check = (n: string, ctx: CheckContext = {}): Promise<CheckReport> => checkSource(n, bytesSource(fx(n)), ctx);
const checkXml = (xml: string, ctx: CheckContext = {}): Promise<CheckReport> => checkSource('p.xml', bytesSource(new TextEncoder().encode(xml)), ctx);

/** One fact with `change` applied; returns the report. */
async function oneFact(change: Partial<FactSpec>, version: '1.1.0' | '1.0.8' | '1.0.5' | '1.0.0' = '1.1.0'): Promise<CheckReport> {
  return checkXml(factPackageXml(version, [{ ...factSpec(1), ...change }]));
}
const byCheck = (r: CheckReport) => r.summary.byCheck as Record<string, number>;

describe('egisso-package: detection and summary (contract)', () => {
  it('a valid 10.06.S 1.1.0 package: ok, summary exactly the contract fields', async () => {
    const r = await check('package-10.06.S-1.1.0-valid.xml');
    expect(r.kind).toBe('egisso-package');
    expect(Object.keys(r.summary).sort()).toEqual([...SUMMARY_KEYS].sort());
    expect(r.summary).toEqual({ message: '10.06.S', version: '1.1.0', withdrawn: false, elements: 7, facts: 6, problems: 0, byCheck: {} });
    expect(r.verdict).toBe('ok');
    expect(nextAction(r)).toBe('Пакет можно загружать в ЕГИССО.');
  });
  it('the invalid 1.1.0 package: each problem an error finding with line, fact number, uuid and the person', async () => {
    const r = await check('package-10.06.S-1.1.0-invalid.xml');
    expect(r.verdict).toBe('error');
    expect(r.summary).toMatchObject({ elements: 7, facts: 6, problems: 5 });
    expect(byCheck(r)).toEqual({
      'snils-checksum': 1,
      'snils-format': 1,
      'name-not-cyrillic': 1,
      gender: 1,
      'duplicate-needs-criteria': 1,
      'amount-format': 2,
      'osz-code-format': 1,
      'date-format': 2,
      'duplicate-uuid': 1,
      'birth-after-decision': 1,
      'finish-before-start': 1,
      'uuid-format': 1,
    });
    const sum = r.findings.find((f) => f.code === 'snils-checksum')!;
    expect(sum.severity).toBe('error');
    expect(sum.where).toMatch(/^строка \d+, факт № 2, uuid c0000000-0000-4000-8000-000000000002$/);
    expect(sum.message).toMatch(/Образцова Мария Сергеевна, СНИЛС \d{3}-\d{3}-\d{3} \d{2}/);
    expect(r.findings.find((f) => f.code === 'name-not-cyrillic')?.message).toMatch(/«Ивaнов»: есть латинские буквы/);
    expect(r.findings.find((f) => f.code === 'uuid-format')?.where).toMatch(/элемент № 7 \(прекращение \(отказ получателя\)\), uuid not-a-uuid/);
    expect(r.findings.find((f) => f.code === 'birth-after-decision')?.severity).toBe('warn');
    expect(nextAction(r)).toMatch(/выгрузите пакет заново/);
  });
  it('a 10.05.I request package', async () => {
    const r = await check('package-10.05.I-valid.xml');
    expect(r.summary).toEqual({ message: '10.05.I', version: '1.0.6', withdrawn: false, elements: 1, facts: 0, problems: 0, byCheck: {} });
    expect(r.verdict).toBe('ok');
  });
  it('BOM + CRLF and a windows-1251 prolog read the same', async () => {
    expect((await check('package-10.06.S-1.1.0-bom-crlf.xml')).summary).toMatchObject({ elements: 3, problems: 0 });
    const r = await check('package-10.06.S-1.1.0-cp1251.xml');
    expect(r.details?.encoding).toBe('windows-1251');
    expect(r.findings.find((f) => f.code === 'name-not-cyrillic')?.message).toMatch(/Ивaнов Пётр Олегович/);
  });
  it('a 10.05.I response (a protocol) and other ЕГИССО messages are not packages', async () => {
    expect((await check('response-10.05.I-2.1.0.xml')).kind).toBe('egisso-protocol');
    const r = await checkXml('<?xml version="1.0"?><request xmlns="urn://egisso-ru/msg/10.07.I/1.0.6"><x/></request>');
    expect(r.kind).toBe('unknown');
  });
  it('truncated package: unreadable with line and column', async () => {
    const xml = factPackageXml('1.1.0', [factSpec(1), factSpec(2)]);
    const r = await checkXml(xml.slice(0, Math.floor(xml.length * 0.7)));
    expect(r.kind).toBe('egisso-package');
    expect(r.verdict).toBe('error');
    expect(r.findings[0].code).toBe('unreadable');
  });
});

describe('egisso-package: versions', () => {
  for (const v of ['1.0.2', '1.0.3', '1.0.4', '1.0.5', '1.0.6', '1.0.7']) {
    it(`10.06.S ${v} is withdrawn`, () => expect(isWithdrawn({ message: '10.06.S', version: v })).toBe(true));
  }
  for (const v of ['1.0.0', '1.0.1', '1.0.8', '1.1.0']) {
    it(`10.06.S ${v} is not withdrawn`, () => expect(isWithdrawn({ message: '10.06.S', version: v })).toBe(false));
  }
  it('a withdrawn package: verdict error, says to export in 1.1.0', async () => {
    const r = await check('package-10.06.S-1.0.7-withdrawn.xml');
    expect(r.summary).toMatchObject({ version: '1.0.7', withdrawn: true, problems: 0 });
    expect(r.verdict).toBe('error');
    expect(r.findings[0].message).toMatch(/01\.12\.2025.*1\.1\.0/);
    expect(nextAction(r)).toMatch(/1\.1\.0/);
  });
  it('old element names (10.06.S 1.0.0): fact ID as uuid, OSZCode, MSZ_receiver, LMSZID, decision_date', async () => {
    const r = await check('package-10.06.S-1.0.0-old-names.xml');
    expect(r.summary).toMatchObject({ version: '1.0.0', withdrawn: false, elements: 3, facts: 3, problems: 2 });
    expect(byCheck(r)).toEqual({ 'snils-checksum': 1, 'duplicate-uuid': 1 });
    expect(r.details?.packageId).toBe('0f1e2d3c-4b5a-4987-8765-43210fedcba9');
    expect(r.findings.find((f) => f.code === 'duplicate-uuid')?.where).toMatch(/факт № 3, uuid c0000000-0000-4000-8000-000000000001/);
  });
  it('oszCode: Latin capitals allowed from 1.0.8, digits only before', async () => {
    expect(byCheck(await oneFact({ oszCode: 'AB12.000001' }, '1.0.8'))).toEqual({});
    expect(byCheck(await oneFact({ oszCode: 'AB12.000001' }, '1.0.5'))).toEqual({ 'osz-code-format': 1 });
    expect(byCheck(await oneFact({ oszCode: 'AI12.000001' }, '1.1.0'))).toEqual({ 'osz-code-format': 1 }); // no I, O
  });
});

describe('egisso-package: each check', () => {
  it('snils-format / snils-checksum (numbers up to 001-001-998 carry no check number)', async () => {
    expect(snilsProblem('11223344595')).toBeNull();
    expect(snilsProblem('11223344596')?.check).toBe('snils-checksum');
    expect(snilsProblem('00100199800')).toBeNull();
    expect(snilsProblem('112-233-445 95')?.check).toBe('snils-format');
    expect(snilsProblem('')?.check).toBe('snils-format');
    expect(byCheck(await oneFact({ snils: '1122334459' }))).toEqual({ 'snils-format': 1 });
    expect(byCheck(await oneFact({ snils: snilsOf(112233445).replace(/\d$/, (d) => String((Number(d) + 1) % 10)) }))).toEqual({ 'snils-checksum': 1 });
  });
  it('name-not-cyrillic: the rus-100 rule', async () => {
    expect(isRus100('Анна-Мария')).toBe(true);
    expect(isRus100("Д'Артаньян")).toBe(true);
    expect(isRus100('1-й')).toBe(true); // a leading digit passes
    expect(isRus100('Anna')).toBe(false);
    expect(isRus100(' Анна')).toBe(false);
    expect(isRus100('А'.repeat(101))).toBe(false);
    expect(byCheck(await oneFact({ first: 'Anna' }))).toEqual({ 'name-not-cyrillic': 1 });
    expect(byCheck(await oneFact({ patronymic: 'Ивановна2' }))).toEqual({ 'name-not-cyrillic': 1 });
  });
  it('gender', async () => {
    expect(byCheck(await oneFact({ gender: 'Ж' }))).toEqual({ gender: 1 });
    expect(byCheck(await oneFact({ gender: 'female' }))).toEqual({ gender: 1 });
  });
  it('uuid-format (element uuid, lmszId)', async () => {
    expect(byCheck(await oneFact({ uuid: 'c0000000-0000-4000-8000-00000000000' }))).toEqual({ 'uuid-format': 1 });
    expect(byCheck(await oneFact({ lmszId: '{aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee}' }))).toEqual({ 'uuid-format': 1 });
  });
  it('amount-format: money with two decimals after a point or comma; decimals with a point', async () => {
    expect(byCheck(await oneFact({ amount: '2750,50' }))).toEqual({});
    expect(byCheck(await oneFact({ amount: '2750' }))).toEqual({ 'amount-format': 1 });
    expect(byCheck(await oneFact({ amount: '2 750.00' }))).toEqual({ 'amount-format': 1 });
  });
  it('date-format: calendar dates, zones allowed', async () => {
    expect(xsDate('2024-02-29')).toBe('2024-02-29');
    expect(xsDate('2023-02-29')).toBeNull();
    expect(xsDate('2024-02-01+04:00')).toBe('2024-02-01');
    expect(xsDate('01.02.2024')).toBeNull();
    expect(byCheck(await oneFact({ birth: '1980-13-01' }))).toEqual({ 'date-format': 1 });
    expect(byCheck(await oneFact({ decision: '2024-02-01+04:00' }))).toEqual({});
  });
  it('duplicate-uuid: the later element is marked, not the first', async () => {
    const f = [factSpec(1), factSpec(2), { ...factSpec(3), uuid: factSpec(1).uuid.toUpperCase() }];
    const r = await checkXml(factPackageXml('1.1.0', f));
    expect(byCheck(r)).toEqual({ 'duplicate-uuid': 1 });
    expect(r.findings.find((x) => x.code === 'duplicate-uuid')?.where).toMatch(/факт № 3/);
  });
  it('duplicate-needs-criteria (rule 059)', async () => {
    expect(byCheck(await oneFact({ needs: ['100', '200', '100'] }))).toEqual({ 'duplicate-needs-criteria': 1 });
    expect(byCheck(await oneFact({ needs: ['100', '200'] }))).toEqual({});
  });
  it('over-limit: the 1001st fact in 1.1.0', async () => {
    const r = await check('package-10.06.S-1.1.0-over-limit.xml');
    expect(r.summary).toMatchObject({ elements: 1001, facts: 1001, problems: 1 });
    expect(byCheck(r)).toEqual({ 'over-limit': 1 });
    expect(r.findings.find((f) => f.code === 'over-limit')?.where).toMatch(/факт № 1001/);
  });
  it('birth-after-decision and finish-before-start are warnings: verdict warn', async () => {
    const r = await oneFact({ birth: '2024-03-01', finish: '2024-01-31' });
    expect(byCheck(r)).toEqual({ 'birth-after-decision': 1, 'finish-before-start': 1 });
    expect(r.summary.problems).toBe(0);
    expect(r.verdict).toBe('warn');
  });
  it('10.05.I: shares-not-100 (rule 016), quota-range, kbk-format (rule 022)', async () => {
    const r = await check('package-10.05.I-invalid.xml');
    expect(r.summary).toMatchObject({ message: '10.05.I', elements: 2, problems: 2 });
    expect(byCheck(r)).toEqual({ 'shares-not-100': 1, 'quota-range': 1, 'kbk-format': 2 });
    expect(r.findings.find((f) => f.code === 'shares-not-100')?.message).toMatch(/110%/);
    const ok = (q: string[]) => lmszPackageXml([{ id: LMSZ_ID, title: 'М', dateEnact: '2024-01-01', quotas: q, kbk: '12345678901234567890' }]);
    expect(byCheck(await checkXml(ok(['33.33', '33.33', '33.34'])))).toEqual({});
    expect(byCheck(await checkXml(ok(['100.5'])))).toEqual({ 'quota-range': 1 });
  });
});

describe('egisso-package: 014/019 against the provider\'s own 10.05.I from the journal', () => {
  const lmsz: LmszSpec[] = [{ id: LMSZ_ID, title: 'Ежемесячная выплата', dateEnact: '2024-01-01', dateExpiration: '2024-12-31', quotas: ['100'], kbk: '12345678901234567890' }];
  it('reads the LMSZ of a 10.05.I package', () => {
    const p = readPackage(lmszPackageXml(lmsz));
    expect(p.lmsz).toEqual([{ id: LMSZ_ID, title: 'Ежемесячная выплата', dateEnact: '2024-01-01', dateExpiration: '2024-12-31' }]);
  });
  it('lmszId unknown → 014 warn; dates outside the period → 019 warn; says where the LMSZ came from', async () => {
    const ctx: CheckContext = { egissoLmsz: async () => ({ label: '«lmsz.xml», проверен 01.02.2024', lmsz: readPackage(lmszPackageXml(lmsz)).lmsz }) };
    const facts = [factSpec(1), { ...factSpec(2), lmszId: 'cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee' }, { ...factSpec(4), decision: '2023-12-20', start: '2025-01-01' }];
    const r = await checkXml(factPackageXml('1.1.0', facts), ctx);
    expect(byCheck(r)).toEqual({ 'lmsz-not-found': 1, 'outside-lmsz-period': 1 });
    expect(r.findings.find((f) => f.code === 'lmsz-not-found')?.where).toMatch(/факт № 2/);
    expect(r.findings.filter((f) => f.code === 'outside-lmsz-period')).toHaveLength(2);
    expect(r.findings.find((f) => f.code === 'egisso-package-lmsz-source')?.message).toMatch(/lmsz\.xml/);
    expect(r.verdict).toBe('warn');
    // without the journal nothing is guessed
    expect(byCheck(await checkXml(factPackageXml('1.1.0', facts)))).toEqual({});
  });
});

describe('LMSZ from the journal', () => {
  it('the newest 10.05.I package wins per measure; 10.06.S packages and empty ones are left out', async () => {
    const { lmszSourceFromJournal } = await import('../../../lib/egisso/journal-lmsz');
    const mk = (kind: string, message: string, lmsz: unknown[]) =>
      ({ kind, verdict: 'ok', file: 'x', summary: { message }, findings: [], details: { lmsz } }) as unknown as CheckReport;
    const a = { id: LMSZ_ID, title: 'Старое название', dateEnact: '2023-01-01', dateExpiration: '' };
    const b = { ...a, title: 'Новое название' };
    expect(lmszSourceFromJournal([])).toBeNull();
    expect(lmszSourceFromJournal([{ fileName: 'f.xml', lastSeenAt: 1, report: mk('egisso-package', '10.06.S', []) }])).toBeNull();
    const src = lmszSourceFromJournal([
      { fileName: 'old.xml', lastSeenAt: 1000, report: mk('egisso-package', '10.05.I', [a]) },
      { fileName: 'new.xml', lastSeenAt: 2000, report: mk('egisso-package', '10.05.I', [b]) },
    ])!;
    expect(src.lmsz).toEqual([b]);
    expect(src.label).toMatch(/^«new\.xml» \(проверен .*\) и ещё 1 пакет 10\.05\.I$/);
  });
});
