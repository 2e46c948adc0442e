/**
 * The one path from bytes to the journal, used by the service worker (downloads, captures, «Проверить»)
 * and by the report page (drop zone): hash, mark running, check, record.
 */
import type { ByteSource } from '../lib/formats/source';
import { sha256OfSource } from '../lib/formats/sha256';
import { checkSource } from '../lib/checks/registry';
import type { CheckReport } from '../lib/checks/report';
import { markRunning, recordCheck } from '../lib/journal/store';
import type { Sighting } from '../lib/journal/schema';
import { journal } from './journal';

export interface Recorded {
  entryId: number;
  report: CheckReport;
  isNew: boolean;
}

export async function checkAndRecord(
  source: ByteSource,
  sighting: Sighting,
  onProgress?: (fraction: number) => void,
): Promise<Recorded> {
  const sha256 = await sha256OfSource(source);
  const meta = { sha256, size: source.size, sighting };
  await markRunning(journal, meta);
  const report = await checkSource(sighting.fileName, source, { onProgress });
  const { id, isNew } = await recordCheck(journal, report, meta);
  return { entryId: id, report, isNew };
}
