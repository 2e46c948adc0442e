/**
 * The dashboard summary from the journal: the very cards the popup would compute (buildCards over the newest
 * checks of the dashboard's kinds), stamped with the day. One computation for the worker and the popup.
 */
import type { JournalDb } from '../journal/db';
import { entriesOfKinds } from '../journal/queries';
import { buildCards, DASHBOARD_KINDS, dashboardLimit } from './index';
import type { DashEntry, DashboardSettings } from './types';
import { DASHBOARD_SUMMARY_SCHEMA, localDay, type DashboardSummary } from './stored-summary';

export function summarizeDashboard(entries: readonly DashEntry[], settings: DashboardSettings, now: number): DashboardSummary {
  return { schema: DASHBOARD_SUMMARY_SCHEMA, day: localDay(now), computedAt: now, cards: buildCards(entries, settings, now) };
}

/** What the cards read of the journal: the newest checks of each dashboard kind, not the whole journal. */
export function dashboardEntries(db: JournalDb) {
  return entriesOfKinds(db, DASHBOARD_KINDS, dashboardLimit);
}

/** The summary of the journal now; null when the journal is empty (nothing to summarise, nothing stored). */
export async function journalSummary(db: JournalDb, settings: DashboardSettings, now: number): Promise<DashboardSummary | null> {
  // one read transaction: the cards and «any checks» describe the same moment of the journal
  const [entries, count] = await db.transaction('r', db.checks, () => Promise.all([dashboardEntries(db), db.checks.count()]));
  return count > 0 ? summarizeDashboard(entries, settings, now) : null;
}
