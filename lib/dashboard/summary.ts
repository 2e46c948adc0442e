/**
 * The dashboard summary from the journal: the very cards the popup would compute (buildCards over the newest
 * checks of the dashboard's kinds) and the newest checks as the popup lists them, stamped with the day. One
 * computation for the worker and the popup.
 */
import type { JournalDb } from '../journal/db';
import { entriesOfKinds } from '../journal/queries';
import { recentChecks } from '../journal/store';
import type { CheckEntry } from '../journal/schema';
import { recentLine } from './recent-line';
import { buildCards, DASHBOARD_KINDS, dashboardLimit } from './index';
import type { DashEntry, DashboardSettings } from './types';
import { DASHBOARD_SUMMARY_SCHEMA, RECENT_CHECKS, localDay, type DashboardSummary } from './stored-summary';

/** `recent`: the newest checks, newest first (RECENT_CHECKS of them are kept). */
export function summarizeDashboard(entries: readonly DashEntry[], recent: readonly CheckEntry[], settings: DashboardSettings, now: number): DashboardSummary {
  return {
    schema: DASHBOARD_SUMMARY_SCHEMA,
    day: localDay(now),
    computedAt: now,
    cards: buildCards(entries, settings, now),
    recent: recent.slice(0, RECENT_CHECKS).map((e) => recentLine(e, now)),
  };
}

/** What the cards read of the journal: the newest checks of each dashboard kind, not the whole journal. */
export function dashboardEntries(db: JournalDb) {
  return entriesOfKinds(db, DASHBOARD_KINDS, dashboardLimit);
}

/** The summary of the journal now; null when the journal is empty (nothing to summarise, nothing stored). */
export async function journalSummary(db: JournalDb, settings: DashboardSettings, now: number): Promise<DashboardSummary | null> {
  // one read transaction: the cards and the list describe the same moment of the journal
  const [entries, recent] = await db.transaction('r', db.checks, () => Promise.all([dashboardEntries(db), recentChecks(db, RECENT_CHECKS)]));
  return recent.length > 0 ? summarizeDashboard(entries, recent, settings, now) : null;
}
