/** The provider's own LMSZ from the journal's 10.05.I packages, for the 10.06.S pre-flight (rules 014/019). */
import { entriesOfKinds } from '../lib/journal/queries';
import type { JournalDb } from '../lib/journal/db';
import { lmszSourceFromJournal, LMSZ_PACKAGES_USED } from '../lib/egisso/journal-lmsz';
import type { LmszSource } from '../lib/egisso/package';

export async function journalLmsz(db: JournalDb): Promise<LmszSource | null> {
  // 10.06.S packages share the kind: read a few more than the 10.05.I packages used
  const entries = await entriesOfKinds(db, ['egisso-package'], LMSZ_PACKAGES_USED * 10);
  return lmszSourceFromJournal(entries.filter((e) => e.status === 'done'));
}
