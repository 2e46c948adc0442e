/** Checklist progress in browser.storage.local under `checklistProgress`; checked files from the journal. */
import { browser } from 'wxt/browser';
import { PROCESS_KINDS, parseProgress, periodWindow, type ChecklistProgress, type Procedure } from '../../lib/checklists';
import type { CheckReport } from '../../lib/checks/report';
import type { ProgressStore } from '../../components/checklists/ChecklistPage';
import { journal } from '../../platform/journal';

export const CHECKLIST_PROGRESS_KEY = 'checklistProgress';

export const storageProgress: ProgressStore = {
  async load() {
    const got = await browser.storage.local.get(CHECKLIST_PROGRESS_KEY);
    return parseProgress(got[CHECKLIST_PROGRESS_KEY]);
  },
  async save(progress: ChecklistProgress) {
    await browser.storage.local.set({ [CHECKLIST_PROGRESS_KEY]: progress });
  },
};

/**
 * Finished checks of the kinds that can tick this procedure's steps, oldest first (by the last time the file
 * was seen). Monthly procedures take only files seen from the start of the month to the end of the next one.
 */
export async function journalReports(procedure: Procedure, period: string | undefined): Promise<CheckReport[]> {
  const kinds = PROCESS_KINDS[procedure.process];
  if (kinds.length === 0) return [];
  let entries = (await journal.checks.where('kind').anyOf([...kinds]).toArray()).filter((e) => e.status === 'done');
  const window = procedure.monthly && period ? periodWindow(period) : null;
  if (window) entries = entries.filter((e) => e.lastSeenAt >= window.start.getTime() && e.lastSeenAt < window.end.getTime());
  return entries.sort((a, b) => a.lastSeenAt - b.lastSeenAt).map((e) => e.report);
}
