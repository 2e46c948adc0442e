/**
 * A file on its way to the checks: sniffed once, decoded lazily and at most once, whichever kinds ask.
 */
import type { ByteSource } from './source';
import { readAll } from './source';
import { sniff, type FileFormat } from './sniff';
import { decodeText, streamText, type DecodedText, type TextEncoding, type TextSink } from './text';
import { parseJson } from './json';
import { readSheets, type Sheet } from './sheet';
import { readZipDirectory, type ZipDirectory } from './zip';
import { FormatError } from './errors';

export interface PreparedFile {
  /** File name (or path as given) — used in messages, never to decide the format. */
  readonly name: string;
  readonly size: number;
  readonly format: FileFormat;
  readonly source: ByteSource;
  /** The first 4 KiB. */
  readonly head: Uint8Array;
  bytes(): Promise<Uint8Array>;
  text(): Promise<DecodedText>;
  /**
   * The text piece by piece into a sink (streaming readers of big XML): the whole text is never held, unless
   * `text()` already decoded it. A sink may be started twice (a file that turns out to be windows-1251).
   */
  streamText<T>(start: () => TextSink<T>): Promise<{ result: T; encoding: TextEncoding }>;
  json(): Promise<unknown>;
  sheets(): Promise<Sheet[]>;
  zip(): Promise<ZipDirectory>;
}

const SHEET_FORMATS: ReadonlySet<FileFormat> = new Set(['ole', 'xlsx', 'html']);

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

export async function prepareFile(name: string, source: ByteSource): Promise<PreparedFile> {
  const head = await source.read(0, Math.min(source.size, 4096));
  const format = sniff(head, source.size);
  const bytes = once(() => readAll(source));
  let decoded: DecodedText | undefined;
  const text = once(async () => (decoded = decodeText(await bytes())));
  return {
    name,
    size: source.size,
    format,
    source,
    head,
    bytes,
    text,
    async streamText<T>(start: () => TextSink<T>) {
      if (decoded) {
        const sink = start();
        sink.write(decoded.text);
        return { result: sink.end(), encoding: decoded.encoding };
      }
      return streamText(source, start);
    },
    json: once(async () => {
      if (format !== 'json') throw new FormatError('not-json', 'Это не данные JSON.');
      return parseJson((await text()).text);
    }),
    sheets: once(async () => {
      if (!SHEET_FORMATS.has(format)) throw new FormatError('not-sheet', 'Это не таблица.');
      return await readSheets(await bytes(), format);
    }),
    zip: once(async () => {
      if (format !== 'zip' && format !== 'xlsx') throw new FormatError('not-zip', 'Это не архив ZIP.');
      return readZipDirectory(source);
    }),
  };
}

/** Detection helpers: the same calls, but "not this format" instead of an exception. */
export async function tryJson(file: PreparedFile): Promise<unknown | undefined> {
  if (file.format !== 'json') return undefined;
  try {
    return await file.json();
  } catch {
    return undefined;
  }
}

export async function trySheets(file: PreparedFile): Promise<Sheet[] | undefined> {
  if (!SHEET_FORMATS.has(file.format)) return undefined;
  try {
    return await file.sheets();
  } catch {
    return undefined;
  }
}

export async function tryZip(file: PreparedFile): Promise<ZipDirectory | undefined> {
  if (file.format !== 'zip') return undefined;
  try {
    return await file.zip();
  } catch {
    return undefined;
  }
}
