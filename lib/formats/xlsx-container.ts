/**
 * An .xlsx is a zip: before SheetJS sees one, our own zip reader checks it (directory sane, no overlapping
 * entries, every part inflates to its declared size with a matching CRC, sizes bounded, the workbook parts
 * present) and the parts SheetJS needs are re-packed, uncompressed, into a fresh zip. SheetJS's own zip reader
 * loops forever on some damaged headers; it never gets a damaged one this way.
 */
import { zipSync, type Zippable } from 'fflate';
import { FormatError } from './errors';
import { bytesSource } from './source';
import { DEFAULT_ZIP_LIMITS, readZipDirectory, streamEntry, type ZipLimits } from './zip';

export const XLSX_LIMITS: ZipLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxEntries: 2_000,
  /** Uncompressed parts SheetJS reads, together: a 100,000-row report is about 60 MB of XML. */
  maxTotalBytes: 256 * 1024 ** 2,
};

const DAMAGED = 'Таблица Excel (.xlsx) повреждена и не открывается. Скачайте файл заново.';

/** Parts SheetJS reads: XML and relationships (pictures, printer settings and macros are left out). */
function needed(name: string): boolean {
  const n = name.toLowerCase();
  if (n.endsWith('/')) return false;
  if (n.endsWith('.xml') || n.endsWith('.rels')) return true;
  return n.startsWith('xl/') && n.endsWith('.bin') && !n.endsWith('vbaproject.bin');
}

/**
 * Validates the container and returns a clean, stored (uncompressed) zip of the parts SheetJS needs.
 * Throws FormatError (Russian) when the container is damaged, incomplete or over the limits.
 */
export async function cleanXlsxContainer(bytes: Uint8Array): Promise<Uint8Array> {
  const source = bytesSource(bytes);
  let dir;
  try {
    dir = await readZipDirectory(source, XLSX_LIMITS);
  } catch (err) {
    if (err instanceof FormatError && err.code !== 'zip-damaged') throw new FormatError('sheet-too-large', `Таблица Excel (.xlsx) не открывается: ${err.message}`);
    throw new FormatError('sheet-damaged', DAMAGED, err instanceof FormatError ? err.where : undefined);
  }
  const names = new Set(dir.entries.map((e) => e.name.toLowerCase()));
  const missing = ['[content_types].xml', 'xl/workbook.xml'].filter((n) => !names.has(n) && !(n === 'xl/workbook.xml' && names.has('xl/workbook.bin')));
  if (missing.length) {
    throw new FormatError('sheet-damaged', `Таблица Excel (.xlsx) неполная: в ней нет обязательной части ${missing.map((m) => `«${m}»`).join(' и ')}. Скачайте файл заново.`);
  }
  const parts: Zippable = {};
  for (const entry of dir.entries) {
    if (!needed(entry.name)) continue;
    const out = new Uint8Array(entry.size);
    let pos = 0;
    const res = await streamEntry(source, entry, (chunk) => {
      out.set(chunk, pos);
      pos += chunk.length;
    });
    if (!res.ok) throw new FormatError('sheet-damaged', DAMAGED, entry.name);
    parts[entry.name] = [out, { level: 0 }];
  }
  return zipSync(parts);
}
