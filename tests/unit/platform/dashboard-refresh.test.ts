/**
 * The worker's recount of the stored dashboard summary over the extension's own journal (fake IndexedDB as the
 * browser's): a burst of changes costs at most one recount after the running one, and the last one is right.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DASHBOARD_SUMMARY_KEY, type DashboardSummary } from '../../../lib/dashboard/stored-summary';
import { deleteCheck, recordCheck } from '../../../lib/journal/store';
import { meta, report } from '../journal/helpers';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

const stored = async () => (await fakeBrowser.storage.local.get(DASHBOARD_SUMMARY_KEY))[DASHBOARD_SUMMARY_KEY] as DashboardSummary | undefined;

describe('refreshDashboardSummary', () => {
  it('recounts once for a burst of changes and stores what the journal says last; an emptied journal leaves nothing', async () => {
    const { refreshDashboardSummary } = await import('../../../platform/dashboard-summary');
    const { journal } = await import('../../../platform/journal');
    const counted = vi.spyOn(journal.checks, 'count');

    const protocol = report({
      file: 'protocol.xml',
      kind: 'egisso-protocol',
      verdict: 'error',
      summary: { packageStatus: 3, recordNum: 10, recordNumSuccess: 8, failedRecords: 2, byCode: { '019': 2 } },
      details: { packageID: 'pkg-1' },
    });
    const { id } = await recordCheck(journal, protocol, meta(1, 'protocol.xml', Date.now() - 60_000));
    // calls made before a recount starts share it
    await Promise.all([refreshDashboardSummary(), refreshDashboardSummary(), refreshDashboardSummary()]);
    expect(counted).toHaveBeenCalledTimes(1);
    // calls made while one runs share the one queued after it
    const running = refreshDashboardSummary();
    await vi.waitFor(() => expect(counted).toHaveBeenCalledTimes(2));
    await Promise.all([running, refreshDashboardSummary(), refreshDashboardSummary(), refreshDashboardSummary()]);
    expect(counted).toHaveBeenCalledTimes(3);
    const egisso = (await stored())!.cards.find((c) => c.id === 'egisso')!;
    expect(egisso.tone).toBe('error');
    expect(egisso.counts.find((c) => c.key === 'rejected')?.value).toBe(2);

    await deleteCheck(journal, id);
    await refreshDashboardSummary();
    expect(await stored()).toBeUndefined();
  });
});
