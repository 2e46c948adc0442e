import { describe, expect, it } from 'vitest';
import { decodeText, cp1251, encodeCp1251 } from '../../../lib/formats/text';
import { sniff } from '../../../lib/formats/sniff';
import { FormatError } from '../../../lib/formats/errors';
import { fixture } from '../fixture-path';

const SAMPLE_START = '{\n  "отчёт": "Проверка"';

describe('decodeText', () => {
  it.each([
    ['utf8.json', 'utf-8'],
    ['utf8-bom-crlf.json', 'utf-8-bom'],
    ['utf16le.json', 'utf-16le'],
    ['utf16le-nobom.json', 'utf-16le'],
    ['utf16be.json', 'utf-16be'],
    ['cp1251.json', 'windows-1251'],
  ])('%s decodes as %s to the same Russian text', (name, encoding) => {
    const d = decodeText(fixture('formats', name));
    expect(d.encoding).toBe(encoding);
    expect(d.text.replace(/\r\n/g, '\n').startsWith(SAMPLE_START)).toBe(true);
  });

  it('refuses UTF-16 cut in the middle of a character and says where', () => {
    expect(() => decodeText(fixture('formats', 'odd-utf16.json'))).toThrow(FormatError);
    try {
      decodeText(fixture('formats', 'odd-utf16.json'));
    } catch (e) {
      expect((e as FormatError).message).toContain('обрывается');
      expect((e as FormatError).where).toBe('байт 29');
    }
  });

  it('windows-1251 table matches the platform decoder for every byte', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const platform = new TextDecoder('windows-1251').decode(all);
    expect(cp1251(all)).toBe(platform);
    const text = 'Ёжик в тумане: №5, «кавычки» — тире';
    expect(cp1251(encodeCp1251(text))).toBe(text);
  });

  it('honours windows-1251 declared in an XML prolog even when the bytes are valid UTF-8', () => {
    const bytes = encodeCp1251('<?xml version="1.0" encoding="windows-1251"?><a>Привет</a>');
    expect(decodeText(bytes).text).toContain('Привет');
  });
});

describe('sniff (by bytes, never by name)', () => {
  it.each([
    ['utf8.json', 'json'],
    ['utf16le.json', 'json'],
    ['utf16be.json', 'json'],
    ['utf8-bom-crlf.json', 'json'],
    ['junk.json', 'binary'],
    ['good.zip', 'zip'],
    ['table.xlsx', 'xlsx'],
    ['table.xls', 'ole'],
    ['html-table-cp1251.xls', 'html'],
    ['session-expired.xls', 'html'],
  ])('%s is %s', (name, format) => {
    const bytes = fixture('formats', name);
    expect(sniff(bytes.subarray(0, 4096), bytes.length)).toBe(format);
  });

  it('an empty file is empty', () => {
    expect(sniff(new Uint8Array(0), 0)).toBe('empty');
  });

  it('XML with a prolog is xml', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0"?><protocol/>');
    expect(sniff(bytes, bytes.length)).toBe('xml');
  });
});
