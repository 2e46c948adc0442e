/**
 * The verdict beside a portal's file input: the file's own check, the kind the input expects and, for the
 * ТОР КНД import, what the journal already knows. Pure.
 */
import type { CheckReport, Verdict } from '../checks/report';
import type { UploadVerdictNotice } from '../capture-protocol';
import { isExpectedKind, wrongKindMessage, type ExpectedKind } from './expected';
import { importLedgerNotes, type LedgerNote } from './import-ledger';

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

/** The kinds of earlier checks the ledger reads before an ЕРУЛ result is imported into ТОР КНД. */
export const LEDGER_KINDS = ['erul-renumbering-result', 'tor-knd-import-result'] as const;

/** A finished check: its short facts at once, the full report only when the verdict needs it. */
export interface CheckedFile {
  kind: string;
  verdict: Verdict;
  headline: string;
  report(): CheckReport;
}

/**
 * The verdict for a file chosen at an input, from either host (the extension's worker, the userscript's page).
 * `expect` comes from the page: only a known kind counts, anything else means «check whatever comes».
 * `earlier` (oldest first, the chosen check excluded) is asked for only when the ledger matters, and the full
 * report is decoded only when its findings or records are needed.
 */
export async function verdictAtUpload(checked: CheckedFile, expect: string | undefined, earlier: () => Promise<readonly CheckReport[]>): Promise<UploadVerdict> {
  const expected = expect && isExpectedKind(expect) ? expect : null;
  const ledger = checked.kind === 'erul-renumbering-result' && expected === 'erul-renumbering-result' ? importLedgerNotes(checked.report(), await earlier()) : [];
  const facts = { kind: checked.kind, verdict: checked.verdict, get findings() { return checked.report().findings; } };
  return uploadVerdict(facts, checked.headline, expected, ledger);
}

export function uploadVerdictNotice(v: UploadVerdict, entryId: number | null, fileName: string, extraNotes: readonly string[] = []): UploadVerdictNotice {
  return { type: 'upload-verdict', entryId, fileName, verdict: v.verdict, headline: v.headline, notes: [...v.notes, ...extraNotes] };
}
