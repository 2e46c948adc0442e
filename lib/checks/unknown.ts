import { FORMAT_NAMES } from '../formats/sniff';
import type { PreparedFile } from '../formats/prepared';
import { verifyZip } from '../formats/zip';
import type { Finding } from './report';
import { KIND_TITLES } from './kinds';
import type { CheckContext, KindResult } from './types';

const KNOWN = Object.entries(KIND_TITLES)
  .filter(([id]) => id !== 'unknown')
  .map(([, title]) => title);

/**
 * Hints that recognise a near miss (e.g. an ЕГИССО data package instead of its protocol) from the file's
 * first bytes and say what it is; registered in all-kinds.ts. The first non-null hint is used.
 */
export const UNKNOWN_HINTS: ((file: PreparedFile) => string | null)[] = [];

function hintFor(file: PreparedFile): string | null {
  for (const hint of UNKNOWN_HINTS) {
    try {
      const h = hint(file);
      if (h) return h;
    } catch {
      // a hint must never break the report
    }
  }
  return null;
}

/**
 * The `unknown` kind: says what the file looks like and which files the extension knows. An archive is
 * still verified entry by entry, so damage, passwords and dangerous names are reported anyway.
 */
export async function unknownResult(file: PreparedFile, ctx: CheckContext = {}): Promise<KindResult> {
  const hint = hintFor(file);
  // the first line (the headline everywhere) says what the file is; the list of known files comes after it
  const findings: Finding[] = [
    {
      severity: 'warn',
      code: 'unknown-kind',
      message: hint ?? `Формат файла: ${FORMAT_NAMES[file.format]}. Но это не один из файлов, которые умеет проверять расширение — проверьте, тот ли файл скачан.`,
    },
    { severity: 'info', code: 'known-kinds', message: `Расширение знает: ${KNOWN.join('; ')}.` },
  ];
  if (file.format === 'zip') findings.push(...(await zipFindings(file, ctx)));
  return { summary: { format: file.format, bytes: file.size }, findings };
}

/** Damaged or password-protected entries and names that point outside the archive. */
export async function zipFindings(file: PreparedFile, ctx: CheckContext = {}): Promise<Finding[]> {
  const dir = await file.zip();
  const out: Finding[] = await unsafeNameFindings(file);
  for (const r of await verifyZip(file.source, dir, ctx.onProgress)) {
    if (!r.ok) out.push({ severity: 'error', code: r.problem === 'encrypted' ? 'zip-encrypted' : 'zip-entry-damaged', message: r.message ?? '', where: r.entry.name });
  }
  return out;
}

/** Names with «../», a leading «/» or a drive letter: flagged whatever kind the archive turns out to be. */
export async function unsafeNameFindings(file: PreparedFile): Promise<Finding[]> {
  const dir = await file.zip();
  const out: Finding[] = [];
  for (const e of dir.entries) {
    if (e.unsafeName) {
      out.push({
        severity: 'error',
        code: 'zip-unsafe-name',
        message: `В архиве есть файл с опасным именем «${e.name}»: оно указывает за пределы папки распаковки. Не распаковывайте такой архив; запросите его заново.`,
        where: e.name,
      });
    }
  }
  return out;
}
