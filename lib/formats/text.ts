import { FormatError } from './errors';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Encoding declared in an XML prolog or an HTML meta tag (ASCII-compatible heads only). */
export function declaredEncoding(head: string): string | null {
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w-]+)["']/i.exec(head);
  if (xml) return xml[1].toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return meta ? meta[1].toLowerCase() : null;
}

const CP1251_NAMES = new Set(['windows-1251', 'cp1251', 'win-1251', 'x-cp1251']);

/**
 * Bytes → text: BOMs first, then UTF-16 without BOM (zero bytes), a declared windows-1251,
 * then strict UTF-8, then windows-1251 when UTF-8 fails.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[3] === 0) return { text: utf16(bytes, 'utf-16le'), encoding: 'utf-16le' };
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0) return { text: utf16(bytes, 'utf-16be'), encoding: 'utf-16be' };

  const headAscii = asciiHead(bytes, 1024);
  const declared = declaredEncoding(headAscii);
  if (declared && CP1251_NAMES.has(declared)) return { text: cp1251(bytes), encoding: 'windows-1251' };
  // The lenient decoder plus a scan for U+FFFD is markedly faster than { fatal: true } on large files.
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes('\uFFFD') && !hasEncodedReplacementChar(bytes)) return { text: cp1251(bytes), encoding: 'windows-1251' };
  return { text, encoding: 'utf-8' };
}

/** True when the bytes really contain U+FFFD (EF BF BD) rather than invalid UTF-8 that decoded to it. */
function hasEncodedReplacementChar(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return true;
  }
  return false;
}

function asciiHead(bytes: Uint8Array, n: number): string {
  let s = '';
  for (let i = 0; i < Math.min(n, bytes.length); i++) s += String.fromCharCode(bytes[i] < 0x80 ? bytes[i] : 0x3f);
  return s;
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FormatError('bad-encoding', 'Файл начинается с отметки UTF-8, но дальше идут байты, которые не являются текстом в этой кодировке. Скачайте файл заново.');
  }
}

function utf16(bytes: Uint8Array, enc: 'utf-16le' | 'utf-16be'): string {
  if (bytes.length % 2 !== 0) {
    throw new FormatError('truncated', 'Текст в кодировке UTF-16 обрывается на середине символа: файл скачан не полностью. Скачайте его заново.', `байт ${bytes.length}`);
  }
  return new TextDecoder(enc).decode(bytes);
}

const CP1251_HIGH =
  'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u0098™љ›њќћџ\u00a0ЎўЈ¤Ґ¦§Ё©Є«¬\u00ad®Ї°±Ііґµ¶·ё№є»јЅѕї' +
  'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';

/** windows-1251 by table: TextDecoder in some runtimes (Node without full ICU) lacks it. */
export function cp1251(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let s = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      s += b < 0x80 ? String.fromCharCode(b) : CP1251_HIGH[b - 0x80];
    }
    parts.push(s);
  }
  return parts.join('');
}

/** Text → windows-1251 bytes (fixtures and round-trip tests). Characters outside the code page become "?". */
export function encodeCp1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else {
      const idx = CP1251_HIGH.indexOf(text[i]);
      out[i] = idx >= 0 ? 0x80 + idx : 0x3f;
    }
  }
  return out;
}
