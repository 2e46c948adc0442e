/**
 * The verdict beside a portal's file input: the file's own check, the kind the input expects and, for the
 * ТОР КНД import, what the journal already knows. Pure.
 */
import type { Verdict } from '../checks/report';
import { wrongKindMessage, type ExpectedKind } from './expected';
import type { LedgerNote } from './import-ledger';

export const UPLOAD_OK = 'Файл в порядке — можно загружать';
export const UPLOAD_CHECKING = 'Сверка: файл ещё проверяется — загрузить можно и сейчас';

export interface UploadVerdict {
  verdict: Verdict;
  /** One line: what is wrong, or UPLOAD_OK. */
  headline: string;
  /** Further lines (ledger notes) shown under the headline. */
  notes: string[];
  wrongKind: boolean;
}

/**
 * Kinds whose errors describe something else (a protocol lists the records ЕГИССО rejected): loading such a
 * file is right, so only an unreadable file is an error at upload.
 */
const REPORTS_ABOUT_OTHERS = new Set(['egisso-protocol']);
const FILE_DEFECTS = new Set(['unreadable', 'interrupted']);

export function uploadVerdict(
  report: { kind: string; verdict: Verdict; findings?: readonly { code: string }[] },
  reportHeadline: string,
  expected: ExpectedKind | null,
  ledger: readonly LedgerNote[] = [],
): UploadVerdict {
  const wrong = wrongKindMessage(report.kind, expected);
  if (wrong) return { verdict: 'error', headline: wrong, notes: [], wrongKind: true };
  let verdict: Verdict = report.verdict;
  if (verdict === 'error' && REPORTS_ABOUT_OTHERS.has(report.kind) && !report.findings?.some((f) => FILE_DEFECTS.has(f.code))) verdict = 'warn';
  for (const n of ledger) if (n.severity === 'error' || verdict === 'ok') verdict = n.severity;
  const headline = report.verdict === 'ok' ? (ledger.length ? ledger[0].message : UPLOAD_OK) : reportHeadline;
  const notes = ledger.map((n) => n.message).filter((m) => m !== headline);
  return { verdict, headline, notes, wrongKind: false };
}
