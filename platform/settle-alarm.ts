/**
 * The alarm that wakes the service worker to settle running checks (platform/resume-checks.ts) even when
 * their runner dies with no event: set by whoever starts a check (the worker, a report page).
 */
import { browser } from 'wxt/browser';

export const SETTLE_ALARM = 'settle-checks';

export async function watchRunningChecks(): Promise<void> {
  if (!(await browser.alarms.get(SETTLE_ALARM))) await browser.alarms.create(SETTLE_ALARM, { periodInMinutes: 0.5 });
}

export async function stopWatchingChecks(): Promise<void> {
  await browser.alarms.clear(SETTLE_ALARM);
}
