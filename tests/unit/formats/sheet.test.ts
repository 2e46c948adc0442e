import { describe, expect, it } from 'vitest';
import { readSheets, findHeader, cellAddress, normaliseHeader } from '../../../lib/formats/sheet';
import { FormatError } from '../../../lib/formats/errors';
import { fixture } from '../fixture-path';

describe('readSheets', () => {
  it.each([
    ['table.xlsx', 'xlsx'],
    ['table.xls', 'ole'],
  ] as const)('%s: rows as text, header found below the title', async (name, format) => {
    const [sheet] = await readSheets(fixture('formats', name), format);
    const h = findHeader(sheet.rows, [{ key: 'id', names: ['ИД ЛКО'], required: true }, { key: 'name', names: ['Название ЛКО'] }]);
    expect(h?.row).toBe(2);
    expect(sheet.rows[3][h!.columns.id]).toBe('0012');
    expect(sheet.rows[3][h!.columns.name]).toBe('Администрация');
  });

  it('HTML saved as .xls in windows-1251: decoded, "1234,5" and leading zeros kept', async () => {
    for (const name of ['html-table-cp1251.xls', 'html-table-utf8.xls']) {
      const [sheet] = await readSheets(fixture('formats', name), 'html');
      const flat = sheet.rows.flat();
      expect(flat).toContain('Отчёт по ЛКО');
      expect(flat).toContain('0012');
      expect(flat).toContain('1234,5');
    }
  });

  it('an HTML page without a table (session expired) says what the page says', async () => {
    await expect(readSheets(fixture('formats', 'session-expired.xls'), 'html')).rejects.toThrow(FormatError);
    try {
      await readSheets(fixture('formats', 'session-expired.xls'), 'html');
    } catch (e) {
      expect((e as FormatError).code).toBe('session-expired');
      expect((e as FormatError).message).toContain('Сессия истекла');
    }
  });

  it.each([
    ['corrupted.xlsx', 'xlsx'],
    ['corrupted.xls', 'ole'],
  ] as const)('%s is refused with a Russian message', async (name, format) => {
    try {
      await readSheets(fixture('formats', name), format);
      throw new Error('read');
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      expect((e as FormatError).message).toContain('повреждена');
    }
  });
});

describe('findHeader', () => {
  const specs = [
    { key: 'id', names: ['ИД ЛКО'], required: true },
    { key: 'name', names: ['Название ЛКО'], required: true },
    { key: 'fact', names: ['Факт'] },
  ];

  it('tolerates case, «ё»/«е», extra spaces and column order', () => {
    const rows = [['Перечень'], ['', ''], ['  факт ', 'НАЗВАНИЕ   ЛКО', 'ид лко'], ['x', 'y', 'z']];
    expect(findHeader(rows, specs)).toEqual({ row: 2, columns: { fact: 0, name: 1, id: 2 } });
    expect(normaliseHeader('  Всё «ОК»  ')).toBe('все ок');
  });

  it('returns null when a required column is missing', () => {
    expect(findHeader([['ИД ЛКО', 'Другое']], specs)).toBeNull();
  });

  it('cell addresses are spreadsheet-style', () => {
    expect(cellAddress(0, 0)).toBe('A1');
    expect(cellAddress(4, 27)).toBe('AB5');
  });
});

describe('portal pages saved instead of a report', () => {
  it('a «Сессия истекла» page with a layout table is still not a report', async () => {
    const html = '<html><body><table><tr><td><h1>Сессия истекла</h1><p>Войдите в систему повторно.</p></td></tr></table></body></html>';
    try {
      await readSheets(new TextEncoder().encode(html), 'html');
      throw new Error('read');
    } catch (e) {
      expect((e as FormatError).code).toBe('session-expired');
      expect((e as FormatError).message).toContain('Сессия истекла');
    }
  });
});
