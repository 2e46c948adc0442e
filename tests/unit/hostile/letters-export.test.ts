import { describe, expect, it } from 'vitest';
import { read } from '@e965/xlsx';
import { unzipSync, strFromU8 } from 'fflate';
import { checkFixture } from '../renumbering/helpers';
import { torKndSupportLetter, MAILTO_SAFE_LENGTH } from '../../../lib/letters/tor-knd-support';
import { cutAtCodePoint, wellFormed } from '../../../lib/letters/safe-text';
import { buildXlsx } from '../../../lib/export/xlsx';

describe('letters with text from damaged files (issue 16: a lone surrogate made the letter throw)', () => {
  it('an ЕРУЛ error text with a lone \\ud800 gives a letter and a mailto that opens, the half shown as «�»', async () => {
    const erul = await checkFixture('erul-mixed.json');
    const failed = erul.records!.find((r) => r.outcome === 'failed')!;
    failed.error = `Лицензия не найдена \ud800 в реестре`;
    const l = torKndSupportLetter([erul]);
    expect(l.body).toContain('Лицензия не найдена \ufffd в реестре');
    expect(decodeURIComponent(l.mailto.split('&body=')[1])).toBe(l.body);
  });

  it('a long letter is cut for mailto on a code-point boundary (the error text is 3,000 emoji pairs)', async () => {
    const erul = await checkFixture('erul-mixed.json');
    for (const r of erul.records!) if (r.outcome === 'failed') r.error = '😀'.repeat(3000);
    const l = torKndSupportLetter([erul]);
    expect(l.mailto.length).toBeLessThanOrEqual(MAILTO_SAFE_LENGTH);
    expect(() => decodeURIComponent(l.mailto)).not.toThrow();
    expect(decodeURIComponent(l.mailto)).not.toContain('\ufffd');
  });

  it('wellFormed and cutAtCodePoint', () => {
    expect(wellFormed('a\udc00b\ud800')).toBe('a\ufffdb\ufffd');
    expect(wellFormed('😀')).toBe('😀');
    expect(cutAtCodePoint('a😀', 2)).toBe('a');
    expect(cutAtCodePoint('a😀', 3)).toBe('a😀');
  });
});

describe('XLSX export (issue 16: cells kept a visible apostrophe)', () => {
  it('a phone number and a formula-looking text are written as plain text cells: no apostrophe, no formula', () => {
    const bytes = buildXlsx([{ name: 'Лист', header: ['Телефон', 'Текст'], rows: [['+7 (495) 123-45-67', '=HYPERLINK("http://evil")'], ['-5', 12.5]] }]);
    const ws = read(bytes, { type: 'array', cellFormula: true }).Sheets['Лист'];
    expect(ws.A2).toMatchObject({ t: 's', v: '+7 (495) 123-45-67' });
    expect(ws.B2).toMatchObject({ t: 's', v: '=HYPERLINK("http://evil")' });
    expect(ws.B2.f).toBeUndefined();
    expect(ws.A3).toMatchObject({ t: 's', v: '-5' });
    expect(ws.B3).toMatchObject({ t: 'n', v: 12.5 });
    const sheetXml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheetXml).not.toContain('<f>');
  });
});
