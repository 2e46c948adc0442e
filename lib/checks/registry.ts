/**
 * The check pipeline: bytes → PreparedFile → the kind that detects it best → CheckReport (zod-validated).
 * Nothing escapes as an exception: an unreadable file is a report with verdict "error".
 */
import type { ByteSource } from '../formats/source';
import { prepareFile, type PreparedFile } from '../formats/prepared';
import { FormatError } from '../formats/errors';
import { FORMAT_NAMES } from '../formats/sniff';
import { XmlReader } from '../formats/xml';
import { CheckReportSchema, verdictOf, type CheckReport, type Finding } from './report';
import type { KindId } from './kinds';
import type { CheckContext, KindCheck, KindResult } from './types';
import { KINDS, TOGETHER_STEPS } from './all-kinds';
import { unknownResult, unsafeNameFindings } from './unknown';

import { MAX_FILE_BYTES } from './limits';

export { MAX_FILE_BYTES };

/** What made a file unreadable: the contract's finding code is always `unreadable`, the cause goes to details. */
interface Unreadable {
  finding: Finding;
  cause: string;
}

function unreadable(file: string, kind: KindId, why: Unreadable, summary: KindResult['summary'] = {}): CheckReport {
  return { file, kind, verdict: 'error', summary, findings: [why.finding], details: { cause: why.cause } };
}

function because(cause: string, message: string, where?: string): Unreadable {
  return { cause, finding: { severity: 'error', code: 'unreadable', message, ...(where ? { where } : {}) } };
}

export function explainError(err: unknown): Unreadable {
  if (err instanceof FormatError) return because(err.code, err.message, err.where);
  if (err instanceof RangeError) {
    return because('too-complex', 'Файл устроен слишком сложно (очень глубокая вложенность данных): это не похоже на файл портала.');
  }
  return because('unreadable', 'Файл не удалось прочитать: он повреждён или это не тот файл. Скачайте его заново.');
}

export async function detectKind(file: PreparedFile, kinds: readonly KindCheck[] = KINDS): Promise<KindCheck | null> {
  let best: KindCheck | null = null;
  let bestScore = 0;
  for (const kind of kinds) {
    let score = 0;
    try {
      score = await kind.detect(file);
    } catch {
      score = 0;
    }
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}

function finish(file: string, kind: KindId, result: KindResult): CheckReport {
  const report: CheckReport = {
    file,
    kind,
    verdict: result.verdict ?? verdictOf(result.findings),
    summary: result.summary,
    findings: result.findings,
    ...(result.records ? { records: result.records } : {}),
    ...(result.topics ? { topics: result.topics } : {}),
    ...(result.details ? { details: result.details } : {}),
  };
  const parsed = CheckReportSchema.safeParse(report);
  if (!parsed.success) {
    return unreadable(file, kind, because('internal-error', 'Проверка этого файла дала неполный результат — это ошибка расширения, а не файла. Сообщите разработчикам.'));
  }
  return parsed.data;
}

/** Checks one file. `label` is what the report calls the file (the path as given, or the download name). */
export async function checkSource(label: string, source: ByteSource, ctx: CheckContext = {}, kinds: readonly KindCheck[] = KINDS): Promise<CheckReport> {
  if (source.size > MAX_FILE_BYTES) {
    return unreadable(label, 'unknown', because(
      'too-large',
      `Файл весит ${Math.round(source.size / 1024 ** 2)} МБ — больше предела в ${MAX_FILE_BYTES / 1024 ** 2} МБ. Такие файлы порталы не выдают; проверьте, тот ли это файл.`,
    ), { bytes: source.size });
  }
  if (source.size === 0) {
    return unreadable(label, 'unknown', because('empty', 'Файл пустой (0 байт): скачивание, видимо, не удалось. Скачайте файл заново.'), { bytes: 0 });
  }
  let file: PreparedFile;
  try {
    file = await prepareFile(label, source);
  } catch (err) {
    return unreadable(label, 'unknown', explainError(err));
  }
  const kind = await detectKind(file, kinds);
  if (!kind) {
    const why = await whyUnreadable(file);
    if (why) return unreadable(label, 'unknown', why, { format: file.format, bytes: file.size });
    return finish(label, 'unknown', await unknownResult(file, ctx));
  }
  try {
    const result = await kind.check(file, ctx);
    if (file.format === 'zip' && !result.findings.some((f) => f.code === 'zip-unsafe-name')) {
      result.findings.push(...(await unsafeNameFindings(file)));
    }
    return finish(label, kind.id, result);
  } catch (err) {
    return unreadable(label, kind.id, explainError(err));
  }
}

/**
 * When no kind claims a file, find out whether it is simply unreadable (broken JSON, damaged zip or sheet,
 * binary junk) so the official hears what is wrong and where, not just "unknown file".
 */
async function whyUnreadable(file: PreparedFile): Promise<Unreadable | null> {
  try {
    switch (file.format) {
      case 'json':
        await file.json();
        return null;
      case 'zip':
        await file.zip();
        return null;
      case 'xlsx':
      case 'ole':
      case 'html':
        await file.sheets();
        return null;
      case 'binary':
        return because(
          'binary',
          `Это ${FORMAT_NAMES.binary}, а не файл портала (не JSON, не таблица, не архив и не XML). Проверьте, тот ли файл выбран, и скачайте его заново.`,
          `начало файла: ${hexHead(file.head)}`,
        );
      case 'xml':
        // well-formedness (and depth) of an XML no kind claimed: a damaged file is told as damaged (streamed)
        await file.streamText(() => {
          const xml = new XmlReader({}, { attributes: false });
          return { write: (chunk) => xml.write(chunk), end: () => xml.close() };
        });
        return null;
      case 'text': {
        const text = (await file.text()).text;
        if (/^\s*$/.test(text)) return because('empty', 'В файле только пробелы и переводы строк: данных нет. Скачайте файл заново.');
        return null;
      }
      default:
        return null;
    }
  } catch (err) {
    return explainError(err);
  }
}

function hexHead(head: Uint8Array): string {
  return Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

export interface NamedSource {
  label: string;
  source: ByteSource;
}

/** Checks files one after another, then runs the cross-file steps over all of them together. */
export async function checkSources(files: readonly NamedSource[], ctx: CheckContext = {}): Promise<CheckReport[]> {
  const reports: CheckReport[] = [];
  for (const f of files) reports.push(await checkSource(f.label, f.source, ctx));
  return applyTogether(reports);
}

export function applyTogether(reports: CheckReport[]): CheckReport[] {
  for (const step of TOGETHER_STEPS) {
    try {
      step(reports);
    } catch {
      // a failing cross-file step must not lose the per-file reports
    }
  }
  for (const r of reports) {
    if (r.findings.some((f) => f.severity === 'error')) r.verdict = 'error';
    else if (r.verdict === 'ok' && r.findings.some((f) => f.severity === 'warn')) r.verdict = 'warn';
  }
  return reports;
}
