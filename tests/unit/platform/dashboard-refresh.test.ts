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
    // each recount reads the newest checks once (the list kept with the cards)
    const counted = vi.spyOn(journal.checks, 'orderBy');

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
    expect((await stored())!.recent.map((l) => [l.id, l.fileName, l.verdict])).toEqual([[id, 'protocol.xml', 'error']]);

    await deleteCheck(journal, id);
    await refreshDashboardSummary();
    expect(await stored()).toBeUndefined();
  });

  it('keeps the newest lines with a personal file name, and «Удалить все данные» leaves none of them stored', async () => {
    const { refreshDashboardSummary } = await import('../../../platform/dashboard-summary');
    const { journal } = await import('../../../platform/journal');
    const { purgeEverything } = await import('../../../platform/purge');
    await recordCheck(journal, report({ file: 'Иванов_Иван_Иванович.json', kind: 'unknown', verdict: 'warn' }), meta(1, 'Иванов_Иван_Иванович.json', Date.now() - 60_000));
    await refreshDashboardSummary();
    expect((await stored())!.recent.map((l) => l.fileName)).toEqual(['Иванов_Иван_Иванович.json']);
    await purgeEverything();
    expect(await stored()).toBeUndefined();
    // a recount after the purge finds nothing to keep
    await refreshDashboardSummary();
    expect(await stored()).toBeUndefined();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('Иванов');
  });
});
