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

/** Where decoded text goes piece by piece. `write` returns false to stop early; `end` gives the result. */
export interface TextSink<T> {
  write(chunk: string): boolean;
  end(): T;
}

/** Bytes read and decoded per step when streaming: memory stays this size whatever the file. */
export const TEXT_CHUNK_BYTES = 1024 * 1024;

/** Signals inside streamText that the UTF-8 guess was wrong and the file must be read again as windows-1251. */
class NotUtf8 extends Error {}

/**
 * The text of `source` decoded piece by piece (TextDecoder with stream: true) into a sink made by `start`:
 * the same encoding rules as `decodeText`, without ever holding the whole text. When a file without a BOM
 * turns out not to be UTF-8 part-way through (a windows-1251 file without a declaration), the reading starts
 * again as windows-1251 with a fresh sink, so the sink never sees mis-decoded text.
 */
export async function streamText<T>(
  source: { readonly size: number; read(offset: number, length: number): Promise<Uint8Array> },
  start: () => TextSink<T>,
  chunkBytes = TEXT_CHUNK_BYTES,
): Promise<{ result: T; encoding: TextEncoding }> {
  const head = await source.read(0, Math.min(source.size, 1024));
  let encoding: TextEncoding;
  let skip = 0;
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) [encoding, skip] = ['utf-8-bom', 3];
  else if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) [encoding, skip] = ['utf-16le', 2];
  else if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) [encoding, skip] = ['utf-16be', 2];
  else if (head.length >= 4 && head[0] !== 0 && head[1] === 0 && head[3] === 0) encoding = 'utf-16le';
  else if (head.length >= 4 && head[0] === 0 && head[1] !== 0 && head[2] === 0) encoding = 'utf-16be';
  else {
    const declared = declaredEncoding(asciiHead(head, 1024));
    encoding = declared && CP1251_NAMES.has(declared) ? 'windows-1251' : 'utf-8';
  }
  if ((encoding === 'utf-16le' || encoding === 'utf-16be') && (source.size - skip) % 2 !== 0) {
    throw new FormatError('truncated', 'Текст в кодировке UTF-16 обрывается на середине символа: файл скачан не полностью. Скачайте его заново.', `байт ${source.size - skip}`);
  }
  try {
    return { result: await pump(source, start(), encoding, skip, chunkBytes), encoding };
  } catch (err) {
    if (!(err instanceof NotUtf8)) throw err;
    return { result: await pump(source, start(), 'windows-1251', 0, chunkBytes), encoding: 'windows-1251' };
  }
}

/**
 * Where to cut `bytes` so that no UTF-8 character is split: the length of the complete characters at the
 * start (a character begun in the last three bytes and not finished is left for the next piece).
 */
export function utf8Cut(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = n - 1;
  while (i >= 0 && n - i <= 3 && (bytes[i] & 0xc0) === 0x80) i--;
  if (i < 0) return n;
  const b = bytes[i];
  const need = b < 0x80 ? 1 : b >= 0xf0 && b <= 0xf7 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return i + need > n ? i : n;
}

async function pump<T>(
  source: { readonly size: number; read(offset: number, length: number): Promise<Uint8Array> },
  sink: TextSink<T>,
  encoding: TextEncoding,
  skip: number,
  chunkBytes: number,
): Promise<T> {
  const guessUtf8 = encoding === 'utf-8';
  const utf8 = encoding === 'utf-8' || encoding === 'utf-8-bom';
  // UTF-8 is cut at character boundaries and each piece decoded whole: Node's TextDecoder leaves its fast
  // path for good once called with { stream: true } (three times slower on Cyrillic text)
  const decoder =
    encoding === 'windows-1251'
      ? null
      : new TextDecoder(utf8 ? 'utf-8' : encoding, { fatal: encoding === 'utf-8-bom', ignoreBOM: true });
  const decode = (bytes: Uint8Array, last: boolean): string => {
    if (!decoder) return cp1251(bytes);
    let text: string;
    try {
      text = utf8 ? decoder.decode(bytes) : decoder.decode(bytes, { stream: !last });
    } catch {
      throw new FormatError('bad-encoding', 'Файл начинается с отметки UTF-8, но дальше идут байты, которые не являются текстом в этой кодировке. Скачайте файл заново.');
    }
    // invalid UTF-8 (and no real U+FFFD written in these bytes): a windows-1251 file after all
    if (guessUtf8 && text.includes('\uFFFD') && !hasEncodedReplacementChar(bytes)) throw new NotUtf8();
    return text;
  };
  let offset = skip;
  while (offset < source.size) {
    // a piece shorter than one character (tiny test pieces) grows to hold the whole character
    let want = chunkBytes;
    let bytes = await source.read(offset, Math.min(want, source.size - offset));
    let last = offset + bytes.length >= source.size;
    while (utf8 && !last && utf8Cut(bytes) === 0) {
      want += 4;
      bytes = await source.read(offset, Math.min(want, source.size - offset));
      last = offset + bytes.length >= source.size;
    }
    if (utf8 && !last) bytes = bytes.subarray(0, utf8Cut(bytes));
    offset += bytes.length;
    const text = decode(bytes, last || offset >= source.size);
    if (text && !sink.write(text)) return sink.end();
  }
  if (source.size <= skip && decoder && !utf8) decode(new Uint8Array(0), true);
  return sink.end();
}
