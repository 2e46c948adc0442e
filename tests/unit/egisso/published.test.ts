/** Every published protocol version, СМЭВ wrappers, messageResult and the 10.10.I attachment answer. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource, checkSources } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import { nextAction } from '../../../lib/checks/next-action';
import { explainRuleCode } from '../../../lib/egisso/rule-codes';
import { egissoTime, readProtocol } from '../../../lib/egisso/protocol';
import { PROTOCOL_VERSIONS, PROTOCOL_FACTS, publishedProtocolXml, uuidOf } from '../../../scripts/fixtures/egisso-published';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';
import type { CheckReport } from '../../../lib/checks/report';

const fx = (n: string) => new Uint8Array(readFileSync(join(FIXTURES_DIR, 'egisso', n)));
const check = (n: string): Promise<CheckReport> => checkSource(n, bytesSource(fx(n)));
const PKG = '0f1e2d3c-4b5a-4987-8765-43210fedcba9';

describe('egisso-protocol: every published version', () => {
  for (const v of PROTOCOL_VERSIONS) {
    it(`package-protocol ${v} (${PROTOCOL_FACTS[v].upperId ? 'packageID/recID' : 'packageId/recId'}, ${PROTOCOL_FACTS[v].form} form)`, async () => {
      const r = await check(`protocol-${v}.xml`);
      expect(r.kind).toBe('egisso-protocol');
      expect(r.summary.packageId).toBe(PKG);
      expect(r.summary.failedRecords).toBe(1);
      expect(r.summary.recordNum).toBe(2);
      expect(r.summary.recordNumSuccess).toBe(1);
      expect(r.summary.byCode).toEqual(PROTOCOL_FACTS[v].form === 'recordError' ? { '014': 1 } : { '014': 1, '019': 1 });
      expect(r.verdict).toBe('error');
      const recs = (r.details?.records ?? []) as { recID: string }[];
      expect(recs[0].recID).toBe(uuidOf(`e${v.replace(/\./g, '')}`, 1));
      // the report text trailing whitespace is trimmed
      expect(r.findings.find((f) => f.code === 'egisso-rule-014')?.message).toMatch(/в реестре не найдено»/);
    });
  }
  it('times with and without milliseconds read the same for the official', () => {
    expect(egissoTime('2024-03-01T10:00:05.123+03:00')).toBe('01.03.2024 10:00:05');
    expect(egissoTime('2024-03-01T10:00:05+03:00')).toBe('01.03.2024 10:00:05');
    expect(egissoTime('2024-03-01T10:00:05Z')).toBe('01.03.2024 10:00:05');
  });
  it('a 2.3.0 protocol with ids spelled packageId/recId keeps its record ids', async () => {
    const r = await check('protocol-2.3.0-e2e.xml');
    expect(r.summary.packageId).toBe('d2300000-0000-4000-8000-00000000000f');
    expect(((r.details?.records ?? []) as { recID: string }[]).map((x) => x.recID)).toEqual([
      'd2300000-0000-4000-8000-000000000001',
      'd2300000-0000-4000-8000-000000000002',
    ]);
    expect(r.summary.recordNumSuccess).toBe(0);
    expect(r.findings.some((f) => f.code === 'egisso-counts-differ')).toBe(false);
  });
});

describe('egisso-protocol: inside СМЭВ responses', () => {
  it('10.10.I 1.0.3 response holding a 1.0.3 protocol', async () => {
    const r = await check('response-10.10.I-1.0.3.xml');
    expect(r.kind).toBe('egisso-protocol');
    expect(r.summary).toMatchObject({ packageId: PKG, failedRecords: 1, errors: 1, warnings: 1 });
    expect(r.details?.message).toBe('10.06.S');
  });
  it('10.05.I 2.1.0 response holding a 2.3.0 protocol: LMSZ codes explained for a measure', async () => {
    const r = await check('response-10.05.I-2.1.0.xml');
    expect(r.summary).toMatchObject({ failedRecords: 1, errors: 4, byCode: { '022': 1, '016': 1, '018': 1, '007': 1 } });
    expect(r.details?.message).toBe('10.05.I');
    expect(r.findings.find((f) => f.code === 'egisso-rule-018')?.message).toMatch(/Уровень финансирования/);
    expect(r.findings.find((f) => f.code === 'egisso-rule-022')?.message).toMatch(/КБК/);
    expect(r.findings.find((f) => f.code === 'egisso-rule-007')?.message).toMatch(/ОКТМО/);
  });
  it('10.10.I 1.0.4 response with only attachment: warn, says the protocol is in the СМЭВ storage and what to do', async () => {
    const r = await check('response-10.10.I-1.0.4-attachment.xml');
    expect(r.kind).toBe('egisso-protocol');
    expect(r.verdict).toBe('warn');
    expect(r.summary).toMatchObject({ packageId: '', failedRecords: 0, errors: 0 });
    const f = r.findings.find((x) => x.code === 'egisso-protocol-in-storage');
    expect(f?.severity).toBe('warn');
    expect(f?.message).toMatch(/файловое хранилище СМЭВ/);
    expect(f?.message).toMatch(/Скачайте файл протокола/);
    expect(nextAction(r)).toMatch(/хранилища СМЭВ/);
  });
});

describe('egisso-protocol: messageResult (the whole message rejected)', () => {
  it('summary messageRejected + errors, each error with code, message, time; verdict error; resend', async () => {
    const r = await check('message-result-1.0.4.xml');
    expect(r.kind).toBe('egisso-protocol');
    expect(r.summary).toEqual({ messageRejected: true, errors: 2 });
    expect(r.summary.packageId).toBeUndefined();
    expect(r.verdict).toBe('error');
    const errs = r.findings.filter((f) => f.code === 'egisso-message-error');
    expect(errs).toHaveLength(2);
    expect(errs[0].message).toMatch(/код E-01: «Не соответствует схеме» \(01\.03\.2024 10:00:04\)/);
    expect(errs[1].message).toMatch(/«Подпись не прошла проверку»/);
    expect(errs[1].message).not.toMatch(/код/);
    expect(r.findings[0].message).toMatch(/Сформируйте и отправьте пакет заново/);
    expect(nextAction(r)).toMatch(/Сформируйте и отправьте пакет заново/);
    const r2 = await check('message-result-2.3.0.xml');
    expect(r2.summary).toEqual({ messageRejected: true, errors: 1 });
  });
});

describe('egisso-protocol: counts from the records', () => {
  it('header says all accepted, a record says rejected (10.15.I reference): warn finding, verdict from the records', async () => {
    const r = await check('protocol-counts-disagree.xml');
    expect(r.summary).toMatchObject({ recordNum: 2, recordNumSuccess: 2, failedRecords: 1 });
    const f = r.findings.find((x) => x.code === 'egisso-counts-differ');
    expect(f?.severity).toBe('warn');
    expect(f?.message).toMatch(/не сходятся/);
    expect(r.verdict).toBe('error');
  });
  it('header says one failed, the records say none: warn, failedRecords 0', async () => {
    const [r] = await checkSources([{ label: 'h.xml', source: bytesSource(fx('protocol-header-only-failure.xml')) }]);
    expect(r.summary.failedRecords).toBe(0);
    expect(r.verdict).toBe('warn');
    const r1 = await check('protocol-header-only-failure.xml');
    expect(r1.verdict).toBe('warn');
  });
  it('an absent recordNumSuccess with every record failed is consistent (no finding)', () => {
    const xml = publishedProtocolXml({ version: '1.0.4', packageId: PKG, packageType: 'Реестр фактов назначений', recordNum: 1, records: [{ id: 'x', ok: false, messages: [{ type: 1, code: '014', report: 'нет' }] }] });
    const p = readProtocol(xml);
    expect(p.failedRecords).toBe(1);
    expect(p.pkg.recordNumSuccess).toBeNull();
  });
});

describe('rule codes: phrased for the message they come in', () => {
  it('018 as an error (funding code) and as a warning (measure/category)', () => {
    expect(explainRuleCode('018', '', { message: '10.05.I' }).title).toMatch(/Уровень финансирования/);
    expect(explainRuleCode('018', '', { message: '10.05.I', warning: true }).title).toMatch(/КМСЗ/);
  });
  it('every note §2 code is known; an unknown one shows ЕГИССО\'s own text', () => {
    for (const c of ['001', '002', '003', '004', '005', '006', '007', '008', '014', '015', '016', '018', '019', '022', '026', '039', '051', '059', '066']) {
      expect(explainRuleCode(c).known, c).toBe(true);
    }
    expect(explainRuleCode('123', 'Что-то своё').title).toBe('ЕГИССО сообщает: «Что-то своё».');
  });
});
