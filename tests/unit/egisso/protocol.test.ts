import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import { readProtocol } from '../../../lib/egisso/protocol';
import { protocolXml, SEED_RECORDS } from '../../../scripts/fixtures/egisso';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';
import type { CheckReport } from '../../../lib/checks/report';

const SUMMARY_KEYS = ['packageId', 'packageStatus', 'recordNum', 'recordNumSuccess', 'failedRecords', 'errors', 'warnings', 'byCode'];

async function check(name: string): Promise<CheckReport> {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES_DIR, 'egisso', name)));
  return checkSource(name, bytesSource(bytes));
}

const codes = (r: CheckReport) => r.findings.map((f) => f.code);

describe('egisso-protocol: summaries and verdicts (contract)', () => {
  it('record-result 1.0.3 recordError form: the seed screen records → error, byCode by rule code', async () => {
    const r = await check('errors-recorderror-1.0.3.xml');
    expect(r.kind).toBe('egisso-protocol');
    expect(Object.keys(r.summary).sort()).toEqual([...SUMMARY_KEYS].sort());
    expect(r.summary).toEqual({ packageId: 'bfd0b898-4dda-4744-85ad-6de310f25c88', packageStatus: 3, recordNum: 5, recordNumSuccess: 3, failedRecords: 2, errors: 8, warnings: 0, byCode: { '019': 6, '026': 2 } });
    expect(r.verdict).toBe('error');
    const f019 = r.findings.find((f) => f.code === 'egisso-rule-019');
    expect(f019?.severity).toBe('error');
    expect(f019?.message).toMatch(/срок действия локальной меры/);
    expect(f019?.message).toMatch(/6 ошибок в 2 записях/);
    expect(f019?.where).toBe('записи 58379, 58978');
  });

  it('record-result 1.0.4 messages form: type 1 = error, type 2 = warning; rejected record counted', async () => {
    const r = await check('errors-messages-1.0.4.xml');
    expect(r.summary).toEqual({ packageId: 'bfd0b898-4dda-4744-85ad-6de310f25c88', packageStatus: 3, recordNum: 3, recordNumSuccess: 2, failedRecords: 1, errors: 1, warnings: 1, byCode: { '066': 1, '018': 1 } });
    expect(r.verdict).toBe('error');
    expect(r.findings.find((f) => f.code === 'egisso-rule-018-warning')?.severity).toBe('warn');
    expect(r.findings.find((f) => f.code === 'egisso-rule-066')?.message).toMatch(/прожиточном минимуме/);
  });

  it('warnings only → warn', async () => {
    const r = await check('warnings-only.xml');
    expect(r.verdict).toBe('warn');
    expect(r.summary).toMatchObject({ failedRecords: 0, errors: 0, warnings: 2, byCode: { '018': 2 } });
  });

  it('0 errors → ok, with "nothing to do" for the official', async () => {
    for (const name of ['ok-all-accepted.xml', 'ok-empty-error-records.xml']) {
      const r = await check(name);
      expect(r.kind).toBe('egisso-protocol');
      expect(r.verdict).toBe('ok');
      expect(r.summary.failedRecords).toBe(0);
      expect(r.summary.byCode).toEqual({});
      expect(r.findings.find((f) => f.code === 'egisso-accepted')?.message).toMatch(/Ничего делать не нужно/);
    }
    expect((await check('ok-all-accepted.xml')).summary).toMatchObject({ recordNum: 3, recordNumSuccess: 3 });
  });

  it('absent recordNumSuccess counts as 0', async () => {
    const r = await check('no-record-num-success.xml');
    expect(r.summary.recordNumSuccess).toBe(0);
    expect(r.summary.failedRecords).toBe(1);
  });

  it('status 1 and 2: not processed yet, said plainly', async () => {
    for (const [name, status, word] of [
      ['status-1-accepted.xml', 1, 'принят'],
      ['status-2-processing.xml', 2, 'обрабатывается'],
    ] as const) {
      const r = await check(name);
      expect(r.kind).toBe('egisso-protocol');
      expect(r.summary.packageStatus).toBe(status);
      const f = r.findings.find((x) => x.code === 'egisso-not-processed');
      expect(f?.message).toMatch(/ещё не обработан/);
      expect(f?.message).toContain(word);
      expect(r.verdict).toBe('ok');
    }
  });

  it('an unknown rule code is shown with its report text', async () => {
    const r = await check('unknown-code.xml');
    const f = r.findings.find((x) => x.code === 'egisso-rule-999');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('Неведомая проверка не пройдена: поле ХХХ');
    expect(r.summary.byCode).toEqual({ '999': 1 });
  });
});

describe('egisso-protocol: prefixes, namespaces, encodings', () => {
  it('the same records give the same summary in every prefix style and encoding', async () => {
    const expected = { failedRecords: 2, errors: 8, warnings: 0, byCode: { '019': 6, '026': 2 } };
    for (const name of ['errors-recorderror-1.0.3.xml', 'default-namespace.xml', 'cp1251.xml', 'utf16le.xml']) {
      const r = await check(name);
      expect(r.kind, name).toBe('egisso-protocol');
      expect(r.summary, name).toMatchObject(expected);
    }
  });
  it('windows-1251: Russian report texts come out right', async () => {
    const r = await check('cp1251.xml');
    expect(r.details?.encoding).toBe('windows-1251');
    const recs = r.details?.records as { recID: string; messages: { report: string }[] }[];
    expect(recs[0].recID).toBe('58379');
    expect(recs[0].messages[0].report).toBe('Дата начала действия назначения 01-02-2019 не входит в период действия локальной МСЗ');
    expect(r.details?.packageType).toBe('Реестр фактов назначений');
  });
  it('UTF-8 BOM with CRLF line ends', async () => {
    const r = await check('bom-crlf.xml');
    expect(r.kind).toBe('egisso-protocol');
    expect(r.summary).toMatchObject({ failedRecords: 1, errors: 1, byCode: { '026': 1 } });
  });
  it('no prolog and a comment first', async () => {
    const r = await check('comment-first.xml');
    expect(r.kind).toBe('egisso-protocol');
    expect(r.summary).toMatchObject({ failedRecords: 1, byCode: { '026': 1 } });
  });
  it('inside a СМЭВ envelope with a default namespace of its own', async () => {
    const r = await check('smev-envelope.xml');
    expect(r.summary).toMatchObject({ recordNum: 4, recordNumSuccess: 3, failedRecords: 1, byCode: { '026': 1 } });
  });
  it('one prefix bound to different parts, CDATA in a report', async () => {
    const r = await check('confusing-prefixes.xml');
    expect(r.summary).toEqual({ packageId: 'aa11', packageStatus: 3, recordNum: 2, recordNumSuccess: 1, failedRecords: 1, errors: 2, warnings: 0, byCode: { '014': 1, '059': 1 } });
    const recs = r.details?.records as { messages: { report: string }[] }[];
    expect(recs[0].messages[1].report).toBe('Критерий нуждаемости <доход> не указан у ЛМСЗ');
  });
  it('matches on namespace, not on prefix: a look-alike in another namespace is not a protocol', () => {
    const fake = protocolXml({ style: 'ns', form: 'recordError', records: SEED_RECORDS }).replace(
      'urn://egisso-ru/types/package-protocol/1.0.3',
      'urn://example.org/not-egisso',
    );
    expect(readProtocol(fake).found).toBe(false);
  });
});

describe('egisso-protocol: bad input', () => {
  it('truncated XML → unreadable with line and column', async () => {
    const r = await check('truncated.xml');
    expect(r.verdict).toBe('error');
    expect(r.findings[0].code).toBe('unreadable');
    expect(r.findings[0].message).toMatch(/скачан не полностью/);
    expect(r.findings[0].where).toMatch(/^строка \d+, столбец \d+$/);
    expect(r.details?.cause).toBe('xml-syntax');
  });
  it('DOCTYPE with an external entity and billion laughs are refused, never resolved', async () => {
    for (const name of ['doctype-external-entity.xml', 'billion-laughs.xml']) {
      const r = await check(name);
      expect(r.verdict, name).toBe('error');
      expect(r.findings[0].code).toBe('unreadable');
      expect(r.details?.cause).toBe('xml-doctype');
      expect(JSON.stringify(r)).not.toMatch(/root:|lollollol/);
    }
  });
  it('a 10.06.S data package is the pre-flight kind, not a protocol', async () => {
    const r = await check('data-package-10.06.S.xml');
    expect(r.kind).toBe('egisso-package');
  });
  it('another ЕГИССО message (10.07.I) stays unknown, and the official hears what it is', async () => {
    const xml = '<?xml version="1.0"?>\n<request xmlns="urn://egisso-ru/msg/10.07.I/1.0.6"><x/></request>\n';
    const r = await checkSource('org.xml', bytesSource(new TextEncoder().encode(xml)));
    expect(r.kind).toBe('unknown');
    expect(r.findings[0].message).toMatch(/организациях.*10\.07\.I.*а не протокол обработки/);
  });
  it('some other XML stays unknown with the generic message', async () => {
    const r = await check('other-xml.xml');
    expect(r.kind).toBe('unknown');
    expect(r.findings[0].message).toMatch(/документ XML/);
    expect(r.findings[0].message).not.toMatch(/а не протокол/);
  });
  it('a status that is not 1/2/3 is said (info), the verdict still follows the records', async () => {
    const xml = protocolXml({ style: 'ns', form: 'messages', status: 7, records: [], recordNum: 1, recordNumSuccess: 1 });
    const r = await checkSource('s7.xml', bytesSource(new TextEncoder().encode(xml)));
    expect(r.summary.packageStatus).toBe(7);
    expect(r.findings.find((f) => f.code === 'egisso-status-unknown')?.severity).toBe('info');
    expect(r.verdict).toBe('ok');
    const noStatus = xml.replace(/<ns5:packageStatus>7<\/ns5:packageStatus>/, '');
    const r2 = await checkSource('s0.xml', bytesSource(new TextEncoder().encode(noStatus)));
    expect(r2.summary.packageStatus).toBeNull();
    expect(codes(r2)).toContain('egisso-status-missing');
  });
});

describe('readProtocol: memory bound', () => {
  it('keeps counting past the stored-record cap', () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ recID: `r${i}`, ok: false, messages: [{ type: 1, code: '014', report: 'нет ЛМСЗ' }] }));
    const p = readProtocol(protocolXml({ style: 'ns', form: 'messages', records }), { maxStoredRecords: 10 });
    expect(p.records).toHaveLength(10);
    expect(p.recordsTruncated).toBe(true);
    expect(p.failedRecords).toBe(30);
    expect(p.byCode).toEqual({ '014': 30 });
    expect(p.codes.get('014')?.recIDs).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });
});

describe('describeEgissoXml: what an ЕГИССО XML that is not a protocol is', () => {
  it('names the data package formats by the root namespace, whatever the prefix', async () => {
    const { describeEgissoXml } = await import('../../../lib/egisso/protocol');
    expect(describeEgissoXml('<?xml version="1.0"?><request xmlns="urn://egisso-ru/msg/10.05.I/1.0.7"><package/></request>')).toMatch(/^Это пакет сведений о локальных мерах.*10\.05\.I/);
    expect(describeEgissoXml('<!-- x --><q:data xmlns:q="urn://egisso-ru/msg/10.22.I/1.0.1"/>')).toMatch(/прожиточном минимуме/);
    expect(describeEgissoXml('<d:data xmlns:d="urn://egisso-ru/msg/10.99.X/2.0.0"/>')).toMatch(/^Это документ ЕГИССО формата 10\.99\.X, а не протокол/);
    expect(describeEgissoXml('<root xmlns="urn:example"/>')).toBeNull();
    expect(describeEgissoXml('not xml at all')).toBeNull();
  });
});
