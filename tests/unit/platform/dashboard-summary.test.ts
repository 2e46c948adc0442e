import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storeDashboardSummary } from '../../../platform/dashboard-summary';
import { summarizeDashboard } from '../../../lib/dashboard/summary';
import { DASHBOARD_SUMMARY_KEY } from '../../../lib/dashboard/stored-summary';

const NOW = new Date(2026, 10, 23, 12).getTime();
const settings = { closedPeriods: [], userHosts: [] };

beforeEach(() => fakeBrowser.reset());

describe('the stored dashboard summary', () => {
  it('is written when it says something new, left alone when it says the same, and removed for an empty journal', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const first = summarizeDashboard([], [], settings, NOW);
    await storeDashboardSummary(first);
    expect((await fakeBrowser.storage.local.get(DASHBOARD_SUMMARY_KEY))[DASHBOARD_SUMMARY_KEY]).toEqual(first);
    // the same cards counted a minute later: no write (every open page would hear a change)
    await storeDashboardSummary(summarizeDashboard([], [], settings, NOW + 60_000));
    expect(set).toHaveBeenCalledTimes(1);
    // a period marked closed changes the ССТУ.РФ card
    const closed = summarizeDashboard([], [], { ...settings, closedPeriods: ['2026-11'] }, NOW + 60_000);
    await storeDashboardSummary(closed);
    expect(set).toHaveBeenCalledTimes(2);
    expect((await fakeBrowser.storage.local.get(DASHBOARD_SUMMARY_KEY))[DASHBOARD_SUMMARY_KEY]).toEqual(closed);
    // yesterday's summary is replaced even when the cards read the same
    const tomorrow = summarizeDashboard([], [], { ...settings, closedPeriods: ['2026-11'] }, NOW + 24 * 3600_000);
    await storeDashboardSummary(tomorrow);
    expect((await fakeBrowser.storage.local.get(DASHBOARD_SUMMARY_KEY))[DASHBOARD_SUMMARY_KEY]).toEqual(tomorrow);
    // purged journal: storage is left empty
    await storeDashboardSummary(null);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
