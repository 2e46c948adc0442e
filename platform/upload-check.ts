/**
 * Worker side of the check at a portal's file picker: the verdict for that input (lib/upload/verdict.ts) with,
 * for an ЕРУЛ result about to be imported into ТОР КНД, what the journal already knows about its licences.
 * Formed as soon as the report exists (the journal records the sighting `via: 'upload'` meanwhile), so the
 * official waits for nothing else; the journal entry's id follows in an UploadRecordedNotice.
 */
import type { CheckReport } from '../lib/checks/report';
import type { EarlyReport } from '../lib/checks/hash-and-check';
import type { UploadVerdictNotice } from '../lib/capture-protocol';
import { headline } from '../lib/checks/headline';
import { LEDGER_KINDS, uploadVerdictNotice, verdictAtUpload } from '../lib/upload/verdict';
import { entriesOfKinds } from '../lib/journal/queries';
import { journal } from './journal';

/** The chosen file: its report, and what identifies its own journal entry (left out of the ledger). */
export interface ChosenCheck {
  report: CheckReport;
  entryId: number | null;
  sha256?: string;
}

type LedgerEntries = Promise<Awaited<ReturnType<typeof entriesOfKinds>>>;
const ledgerEntries = (): LedgerEntries => entriesOfKinds(journal, LEDGER_KINDS).catch(() => []);

/** `ledger`: the ledger's journal entries when already being read (see earlyUploadVerdict). */
export async function uploadNotice(done: ChosenCheck, fileName: string, expect: string | undefined, saveError?: string, ledger?: LedgerEntries): Promise<UploadVerdictNotice> {
  const { report } = done;
  const earlier = async () =>
    (await (ledger ?? ledgerEntries()))
      .filter((e) => e.id !== done.entryId && (done.sha256 === undefined || e.sha256 !== done.sha256) && e.status === 'done')
      .sort((a, b) => a.firstSeenAt - b.firstSeenAt)
      .map((e) => e.report);
  const v = await verdictAtUpload({ kind: report.kind, verdict: report.verdict, headline: headline(report), report: () => report }, expect, earlier);
  return uploadVerdictNotice(v, done.entryId, fileName, saveError ? [saveError] : []);
}

/** A file chosen at a portal's file input: what the input expects, and who hears the verdict as soon as it exists. */
export interface UploadHook {
  expect?: string;
  onVerdict: (notice: UploadVerdictNotice) => void;
}

/**
 * checkAndRecord's `onChecked` for a chosen file: the verdict from the fresh report, before the journal has it —
 * sent once, from the report alone, unless the ledger is to be read (it leaves the file's own earlier sightings
 * out by their hash, so that verdict waits for the hash).
 */
export function earlyUploadVerdict(fileName: string, expect: string | undefined, send: (notice: UploadVerdictNotice) => void): (checked: EarlyReport) => void {
  // read before the check starts: once the journal's writes for this check are queued, a read waits for them
  const ledger = expect === 'erul-renumbering-result' ? ledgerEntries() : undefined;
  let sent = false;
  return (checked) => {
    if (sent || (checked.sha256 === undefined && (LEDGER_KINDS as readonly string[]).includes(checked.report.kind))) return;
    sent = true;
    void uploadNotice({ report: checked.report, entryId: null, sha256: checked.sha256 }, fileName, expect, undefined, ledger).then(send, () => undefined);
  };
}
