/**
 * Worker side of the check at a portal's file picker: after the chosen file was checked and recorded
 * (sighting `via: 'upload'`), the verdict for that input — the expected kind and, for an ЕРУЛ result about
 * to be imported into ТОР КНД, what the journal already knows about its licences.
 */
import type { Recorded } from './check-and-record';
import type { UploadVerdictNotice } from '../lib/capture-protocol';
import { headline } from '../lib/checks/headline';
import { isExpectedKind } from '../lib/upload/expected';
import { importLedgerNotes } from '../lib/upload/import-ledger';
import { uploadVerdict } from '../lib/upload/verdict';
import { entriesOfKinds } from '../lib/journal/queries';
import { journal } from './journal';

const LEDGER_KINDS = ['erul-renumbering-result', 'tor-knd-import-result'];

/** `expect` comes from the page: only a known kind counts, anything else means «check whatever comes». */
export async function uploadNotice(done: Recorded, fileName: string, expect: string | undefined, saveError?: string): Promise<UploadVerdictNotice> {
  const expected = expect && isExpectedKind(expect) ? expect : null;
  let ledger: ReturnType<typeof importLedgerNotes> = [];
  if (done.report.kind === 'erul-renumbering-result' && expected === 'erul-renumbering-result') {
    const earlier = (await entriesOfKinds(journal, LEDGER_KINDS).catch(() => []))
      .filter((e) => e.id !== done.entryId && e.status === 'done')
      .sort((a, b) => a.firstSeenAt - b.firstSeenAt)
      .map((e) => e.report);
    ledger = importLedgerNotes(done.report, earlier);
  }
  const v = uploadVerdict(done.report, headline(done.report), expected, ledger);
  return {
    type: 'upload-verdict',
    entryId: done.entryId,
    fileName,
    verdict: v.verdict,
    headline: v.headline,
    notes: saveError ? [...v.notes, saveError] : v.notes,
  };
}
