/**
 * Keeps the popup's stored dashboard summary (lib/dashboard/stored-summary.ts) up to date: the service worker
 * recounts it whenever the journal changes (a check recorded, a check deleted or imported on the journal
 * page, retention, a purge) and when the settings the cards read change; the popup writes its own recount
 * when it differs. Recounts coalesce: a burst of checks costs one recount after the running one.
 */
import { browser } from 'wxt/browser';
import { DASHBOARD_SUMMARY_KEY, sameSummary, usableSummary, type DashboardSummary } from '../lib/dashboard/stored-summary';
import { journalSummary } from '../lib/dashboard/summary';
import { journal } from './journal';
import { loadSettings, onSettingsChanged } from './settings';

/**
 * Writes the summary unless the stored one already says the same; null (an empty journal) removes it, so a
 * purge leaves storage empty.
 */
export async function storeDashboardSummary(summary: DashboardSummary | null): Promise<void> {
  const raw = (await browser.storage.local.get(DASHBOARD_SUMMARY_KEY))[DASHBOARD_SUMMARY_KEY];
  if (!summary) {
    if (raw !== undefined) await browser.storage.local.remove(DASHBOARD_SUMMARY_KEY);
    return;
  }
  if (!sameSummary(usableSummary(raw, summary.computedAt), summary)) await browser.storage.local.set({ [DASHBOARD_SUMMARY_KEY]: summary });
}

async function recount(): Promise<void> {
  const settings = await loadSettings();
  await storeDashboardSummary(await journalSummary(journal, settings, Date.now()));
}

let latest: Promise<void> = Promise.resolve();
let waiting: Promise<void> | null = null;

/** Recounts after the one running (if any); calls made while one is waiting share it. */
export function refreshDashboardSummary(): Promise<void> {
  if (waiting) return waiting;
  const next = latest
    .catch(() => undefined)
    .then(() => {
      waiting = null;
      return recount();
    });
  waiting = next;
  latest = next;
  return next;
}

/** In the worker: closed periods and portal hosts change what the cards say. */
export function watchDashboardSettings(): void {
  onSettingsChanged(() => void refreshDashboardSummary().catch(() => undefined));
}
