import { headline } from '../../../lib/checks/headline';
import { describe, expect, it } from 'vitest';
import { checkSource, MAX_FILE_BYTES } from '../../../lib/checks/registry';
import { CheckReportSchema } from '../../../lib/checks/report';
import { bytesSource } from '../../../lib/formats/source';
import { fixture } from '../fixture-path';

const check = (name: string) => checkSource(name, bytesSource(fixture('formats', name)));

describe('check registry: bad input never escapes as an exception', () => {
  it.each([
    ['empty.json', 'empty'],
    ['spaces.json', 'empty'],
    ['junk.json', 'binary'],
    ['truncated.json', 'truncated'],
    ['syntax-error.json', 'json-syntax'],
    ['odd-utf16.json', 'truncated'],
    ['truncated.zip', 'zip-damaged'],
    ['bomb.zip', 'zip-bomb'],
    ['bomb-declared.zip', 'zip-bomb'],
    ['corrupted.xlsx', 'sheet-damaged'],
    ['corrupted.xls', 'sheet-damaged'],
    ['session-expired.xls', 'session-expired'],
  ])('%s → verdict error, finding `unreadable` (cause %s) with a Russian message', async (name, cause) => {
    const r = await check(name);
    expect(CheckReportSchema.parse(r)).toBeTruthy();
    expect(r.verdict).toBe('error');
    expect(r.file).toBe(name);
    const f = r.findings.find((x) => x.code === 'unreadable');
    expect(f?.severity).toBe('error');
    expect(f?.message).toMatch(/[А-Яа-яЁё]/);
    expect(f?.message).not.toMatch(/at \w+ \(|Error:|undefined/);
    expect(r.details?.cause).toBe(cause);
  });

  it('a JSON error names the line and column', async () => {
    const r = await check('syntax-error.json');
    expect(r.findings[0].where).toBe('строка 4, столбец 3');
  });

  it('a 0-byte download is reported as empty without reading', async () => {
    const r = await checkSource('download.json', { size: 0, read: () => Promise.reject(new Error('must not read')) });
    expect(r.verdict).toBe('error');
    expect(r.findings[0].message).toContain('0 байт');
  });

  it('a file over 500 MB is refused before a single byte is read', async () => {
    const r = await checkSource('huge.zip', { size: MAX_FILE_BYTES + 1, read: () => Promise.reject(new Error('must not read')) });
    expect(r.verdict).toBe('error');
    expect(r.details?.cause).toBe('too-large');
    expect(r.findings[0].message).toContain('500 МБ');
  });

  it('valid JSON that no kind claims is `unknown` and says which files the extension knows', async () => {
    for (const name of ['utf8.json', 'utf16le.json', 'utf16be.json', 'cp1251.json', 'utf8-bom-crlf.json', 'deep.json']) {
      const r = await check(name);
      expect(r.kind).toBe('unknown');
      expect(r.verdict).toBe('warn');
      expect(r.findings[0].code).toBe('unknown-kind');
      // the headline says what the file is; the list of known files is a line of its own
      expect(headline(r)).toContain('не один из файлов');
      expect(headline(r)).not.toContain('Расширение знает');
      expect(r.findings.find((f) => f.code === 'known-kinds')?.message).toContain('Расширение знает');
    }
  });

  it('a kind that throws unexpectedly still yields a report', async () => {
    const boom = {
      id: 'sstu-archive' as const,
      detect: async () => 1,
      check: async () => {
        throw new TypeError('x is undefined');
      },
    };
    const r = await checkSource('a.json', bytesSource(new TextEncoder().encode('{}')), {}, [boom]);
    expect(r.verdict).toBe('error');
    expect(r.kind).toBe('sstu-archive');
    expect(r.findings[0].message).not.toContain('undefined');
  });
});

describe('archives: dangerous entry names are flagged whatever kind claims the archive', () => {
  it('traversal.zip names both unsafe entries', async () => {
    const r = await checkSource('traversal.zip', bytesSource(fixture('formats', 'traversal.zip')));
    const unsafe = r.findings.filter((f) => f.code === 'zip-unsafe-name').map((f) => f.where).sort();
    expect(unsafe).toEqual(['../../etc/evil.json', '/abs.json']);
    expect(r.verdict).toBe('error');
  });
});
