import { describe, expect, it } from 'vitest';
import { checkFixture, codes } from './helpers';
import { licenceNumbers } from '../../../scripts/fixtures/renumbering';

describe('ТОР КНД import result', () => {
  it.each(['import-mixed.json', 'import-one-line.json', 'import-cp1251.json'])('%s: success / already in ЕРУЛ / failed', async (name) => {
    const r = await checkFixture(name);
    expect(r.kind).toBe('tor-knd-import-result');
    expect(r.summary).toEqual({ total: 10, success: 6, alreadyInErul: 3, failed: 1 });
    expect(r.verdict).toBe('error');
    expect(codes(r, 'error')).toEqual(['import-failed']);
    expect(r.records![0]).toEqual({
      ...licenceNumbers(0),
      outcome: 'renumbered',
      error: '',
      status: 'success',
      description: `Номер лицензии '${licenceNumbers(0).old}' изменен успешно`,
    });
    // «Ошибка ЕРУЛ для лицензии…» with a different error is a failure, not «already in ЕРУЛ»
    expect(r.records![9]).toMatchObject({ outcome: 'failed', status: 'error', error: 'Лицензия не найдена' });
    expect(r.records![7]).toMatchObject({ outcome: 'alreadyInErul', status: 'error' });
  });

  it('all success is ok', async () => {
    const r = await checkFixture('import-ok.json');
    expect(r.verdict).toBe('ok');
    expect(r.summary).toEqual({ total: 5, success: 5, alreadyInErul: 0, failed: 0 });
  });
});

describe('ТОР КНД registry export', () => {
  it('a zip of JSON files: counts per file, ok under 200 a file', async () => {
    const r = await checkFixture('export-ok.zip');
    expect(r.kind).toBe('tor-knd-registry-export');
    expect(r.verdict).toBe('ok');
    expect(r.summary).toEqual({ licences: 270, files: 2, overLimitFiles: 0, duplicates: 0, invalidNumbers: 0 });
    expect(r.details?.perFile).toEqual([
      { name: 'licenses_1.json', licences: 200 },
      { name: 'licenses_2.json', licences: 70 },
    ]);
    expect((r.details?.licences as string[])[0]).toBe(licenceNumbers(0).old);
  });

  it('finds licences in other layouts (flat list, nested wrapper) and in a single JSON', async () => {
    expect((await checkFixture('export-flat.zip')).summary).toMatchObject({ licences: 90, files: 2 });
    const single = await checkFixture('export-single.json');
    expect(single.kind).toBe('tor-knd-registry-export');
    expect(single.summary).toMatchObject({ licences: 30, files: 1, duplicates: 0 });
  });

  it('finds plain lists of numbers under a licence key, and Russian keys, with older number forms', async () => {
    const list = await checkFixture('export-list.json');
    expect(list.kind).toBe('tor-knd-registry-export');
    expect(list.summary).toMatchObject({ licences: 7, invalidNumbers: 0 });
    expect(list.details?.licences).toEqual([...Array.from({ length: 5 }, (_, i) => licenceNumbers(i).old), 'ЛО-77-01-012345', '76-00123']);
    const ru = await checkFixture('export-russian-keys.json');
    expect(ru.kind).toBe('tor-knd-registry-export');
    expect(ru.details?.licences).toEqual(['ЛО-76-01-000111', '76-00123']);
  });

  it('a file over 200 licences is an error', async () => {
    const r = await checkFixture('export-over-limit.zip');
    expect(r.verdict).toBe('error');
    expect(r.summary).toMatchObject({ licences: 250, overLimitFiles: 1 });
    const f = r.findings.find((x) => x.code === 'over-limit');
    expect(f?.where).toBe('licenses_1.json');
    expect(f?.message).toMatch(/201 лицензия/);
  });

  it('duplicates within a file and across files', async () => {
    const r = await checkFixture('export-duplicates.zip');
    expect(r.verdict).toBe('error');
    expect(r.summary).toMatchObject({ licences: 22, duplicates: 2 });
    const msgs = r.findings.filter((x) => x.code === 'duplicate-licence').map((x) => x.message);
    expect(msgs.find((m) => m.includes(licenceNumbers(3).old))).toMatch(/«a\.json» \(2 раза\)/);
    expect(msgs.find((m) => m.includes(licenceNumbers(5).old))).toMatch(/«a\.json», «b\.json»/);
  });

  it('invalid numbers are counted; Latin «L» and spaces are not invalid', async () => {
    const r = await checkFixture('export-invalid.zip');
    expect(r.summary).toMatchObject({ licences: 10, invalidNumbers: 3 });
    expect(codes(r)).toEqual(expect.arrayContaining(['latin-letter', 'spaces-trimmed']));
    expect(r.details?.licences).toContain('Л023-00119-76/005555');
    expect(r.details?.licences).toContain('Л023-00119-44/006666');
  });

  it('duplicates across export files checked together (an unpacked archive dropped file by file)', async () => {
    const { applyTogether } = await import('../../../lib/checks/registry');
    const [a, b] = applyTogether([await checkFixture('export-loose-1.json'), await checkFixture('export-loose-2.json')]);
    expect(a.verdict).toBe('error');
    expect(a.summary.duplicates).toBe(5);
    expect(b.findings.find((x) => x.code === 'duplicate-across-files')?.message).toMatch(/5 лицензий.*«export-loose-1\.json»/);
    // the same file given twice is not a duplicate of itself
    const [c] = applyTogether([await checkFixture('export-loose-1.json'), await checkFixture('export-loose-1.json')]);
    expect(c.verdict).toBe('ok');
  });

  it('a damaged zip: error with an unreadable finding, never a crash', async () => {
    const r = await checkFixture('export-damaged.zip');
    expect(r.verdict).toBe('error');
    expect(r.kind).toBe('tor-knd-registry-export');
    expect(codes(r)).toEqual(['unreadable']);
    expect(r.findings[0].message).toMatch(/скачан не полностью|обрывается/);
    const crc = await checkFixture('export-crc.zip');
    expect(crc.verdict).toBe('error');
    expect(crc.findings.find((f) => f.code === 'unreadable')?.where).toBe('licenses_1.json');
    expect(crc.summary.licences).toBe(10);
    const broken = await checkFixture('export-broken-entry.zip');
    expect(broken.findings.find((f) => f.code === 'unreadable')?.where).toMatch(/^licenses_2\.json: строка 1/);
  });
});
