/**
 * Worker side of the check at a portal's file picker: after the chosen file was checked and recorded
 * (sighting `via: 'upload'`), the verdict for that input (lib/upload/verdict.ts) with, for an ЕРУЛ result
 * about to be imported into ТОР КНД, what the journal already knows about its licences.
 */
import type { Recorded } from './check-and-record';
import type { UploadVerdictNotice } from '../lib/capture-protocol';
import { headline } from '../lib/checks/headline';
import { LEDGER_KINDS, uploadVerdictNotice, verdictAtUpload } from '../lib/upload/verdict';
import { entriesOfKinds } from '../lib/journal/queries';
import { journal } from './journal';

export async function uploadNotice(done: Recorded, fileName: string, expect: string | undefined, saveError?: string): Promise<UploadVerdictNotice> {
  const { report } = done;
  const earlier = async () =>
    (await entriesOfKinds(journal, LEDGER_KINDS).catch(() => []))
      .filter((e) => e.id !== done.entryId && e.status === 'done')
      .sort((a, b) => a.firstSeenAt - b.firstSeenAt)
      .map((e) => e.report);
  const v = await verdictAtUpload({ kind: report.kind, verdict: report.verdict, headline: headline(report), report: () => report }, expect, earlier);
  return uploadVerdictNotice(v, done.entryId, fileName, saveError ? [saveError] : []);
}
