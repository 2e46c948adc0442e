/** What a file is, judged by its first bytes, never by its name. */
export type FileFormat = 'empty' | 'zip' | 'xlsx' | 'ole' | 'html' | 'xml' | 'json' | 'text' | 'pdf' | 'binary';

export const FORMAT_NAMES: Record<FileFormat, string> = {
  empty: 'пустой файл',
  zip: 'архив ZIP',
  xlsx: 'таблица Excel (.xlsx)',
  ole: 'таблица Excel старого формата (.xls)',
  html: 'веб-страница (HTML)',
  xml: 'документ XML',
  json: 'данные JSON',
  text: 'текстовый файл',
  pdf: 'документ PDF',
  binary: 'двоичные данные неизвестного формата',
};

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

/** The first characters of a text head, whatever its encoding (BOMs and UTF-16 zero bytes removed). */
export function headText(head: Uint8Array): string {
  let bytes = head;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) bytes = bytes.subarray(3);
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || (bytes.length > 3 && (bytes[0] === 0 || bytes[1] === 0));
  let out = '';
  const limit = Math.min(bytes.length, 4096);
  for (let i = 0; i < limit; i++) {
    const b = bytes[i];
    if (utf16 && (b === 0 || b === 0xff || b === 0xfe)) continue;
    out += b < 0x80 ? String.fromCharCode(b) : '\u0080';
  }
  return out;
}

/**
 * Looks at up to the first 4 KiB (and, for zip, whether an Office part name appears there).
 */
export function sniff(head: Uint8Array, size: number): FileFormat {
  if (size === 0 || head.length === 0) return 'empty';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]) || startsWith(head, [0x50, 0x4b, 0x07, 0x08])) {
    const ascii = headText(head.subarray(0, Math.min(head.length, 4096)));
    return /\[Content_Types\]\.xml|xl\/workbook|xl\//.test(ascii) ? 'xlsx' : 'zip';
  }
  if (startsWith(head, OLE)) return 'ole';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  const text = headText(head).replace(/^[\s\u0080]*/, '');
  if (/^<\?xml/i.test(text)) {
    // Excel 2003 XML spreadsheets and XHTML are still what they say inside
    if (/<html[\s>]/i.test(text)) return 'html';
    return 'xml';
  }
  if (/^(<!doctype html|<html|<head|<body|<table|<meta|<style|<!--)/i.test(text)) return 'html';
  if (/^<[A-Za-z_][\w:.-]*[\s>/]/.test(text)) return /<(html|table|tr|td)[\s>]/i.test(text) ? 'html' : 'xml';
  if (/^[[{]/.test(text)) return 'json';
  return looksLikeText(head) ? 'text' : 'binary';
}

function looksLikeText(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]) || startsWith(head, [0xef, 0xbb, 0xbf])) return true;
  let control = 0;
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control / n < 0.02;
}
