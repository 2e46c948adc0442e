/**
 * The one path from bytes to the journal, used by the service worker (downloads, captures, «Проверить»)
 * and by the report page (drop zone): hash, mark running, check, record. The official always gets the
 * report; when the journal cannot store it (quota), `saveError` says so in Russian.
 */
import type { ByteSource } from '../lib/formats/source';
import { sha256OfSource } from '../lib/formats/sha256';
import { checkSource } from '../lib/checks/registry';
import type { CheckReport } from '../lib/checks/report';
import { markRunning, recordCheck } from '../lib/journal/store';
import { JournalQuotaError } from '../lib/journal/errors';
import type { Sighting } from '../lib/journal/schema';
import { journal } from './journal';
import { journalLmsz } from './journal-lmsz';

export interface Recorded {
  /** null when the journal could not store the check. */
  entryId: number | null;
  report: CheckReport;
  isNew: boolean;
  saveError?: string;
}

export async function checkAndRecord(
  source: ByteSource,
  sighting: Sighting,
  onProgress?: (fraction: number) => void,
): Promise<Recorded> {
  const sha256 = await sha256OfSource(source);
  const meta = { sha256, size: source.size, sighting };
  let saveError: string | undefined;
  await markRunning(journal, meta).catch((err: unknown) => {
    if (!(err instanceof JournalQuotaError)) throw err;
    saveError = err.message;
  });
  const report = await checkSource(sighting.fileName, source, { onProgress, egissoLmsz: () => journalLmsz(journal) });
  if (saveError) return { entryId: null, report, isNew: false, saveError };
  try {
    const { id, isNew } = await recordCheck(journal, report, meta);
    return { entryId: id, report, isNew };
  } catch (err) {
    if (err instanceof JournalQuotaError) return { entryId: null, report, isNew: false, saveError: err.message };
    throw err;
  }
}
