/**
 * From real files to the cards: the generated portal fixtures go through the real checks into a journal
 * (fake IndexedDB), and the cards read what the popup reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';
import { checkSource } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import { sha256OfSource } from '../../../lib/formats/sha256';
import { recordCheck } from '../../../lib/journal/store';
import { entriesOfKinds, searchChecks } from '../../../lib/journal/queries';
import { buildCards, DASHBOARD_KINDS, dashboardLimit } from '../../../lib/dashboard';
import { freshJournal } from '../journal/helpers';

const NOW = new Date(2026, 10, 23, 12).getTime();

async function ingest(db: ReturnType<typeof freshJournal>['db'], rel: string, at: number) {
  const source = bytesSource(new Uint8Array(readFileSync(join(FIXTURES_DIR, rel))));
  const report = await checkSource(rel.split('/').pop()!, source);
  const { id } = await recordCheck(db, report, { sha256: await sha256OfSource(source), size: source.size, sighting: { at, fileName: rel.split('/').pop()!, portal: null, via: 'drop' } });
  return { id, report };
}

describe('cards from checked portal files', () => {
  it('each process card reflects the real reports of its files', async () => {
    const { db } = freshJournal();
    const erul = await ingest(db, 'renumbering/erul-mixed.json', NOW - 3 * 3600_000);
    const imp = await ingest(db, 'renumbering/import-ok.json', NOW - 2 * 3600_000);
    const proto = await ingest(db, 'egisso/errors-recorderror-1.0.3.xml', NOW - 3600_000);
    const status = await ingest(db, 'sstu/status-mixed.xls', NOW - 1800_000);
    expect([erul, imp, proto, status].map((x) => x.report.kind)).toEqual(['erul-renumbering-result', 'tor-knd-import-result', 'egisso-protocol', 'sstu-upload-status']);

    const entries = await entriesOfKinds(db, DASHBOARD_KINDS, dashboardLimit);
    expect(entries).toHaveLength(4);
    const [ren, sstu, egisso] = buildCards(entries, { closedPeriods: [], userHosts: [] }, NOW);

    const s = erul.report.summary;
    expect(ren.counts.find((c) => c.key === 'renumbered')?.value).toBe(s.renumbered);
    expect(ren.counts.find((c) => c.key === 'toFix')?.value).toBe(s.failed);
    expect(ren.tone).toBe('error');
    expect(ren.actions[0]).toEqual({ type: 'report', entryId: erul.id, label: 'Открыть письмо' });
    expect(Number(ren.counts.find((c) => c.key === 'imported')?.value)).toBeGreaterThan(0);

    expect(egisso.counts.find((c) => c.key === 'rejected')?.value).toBe(proto.report.summary.failedRecords);
    expect(egisso.lines.some((l) => l.startsWith('Код 019'))).toBe(true);

    expect(sstu.title).toBe('ССТУ.РФ за ноябрь 2026');
    expect(sstu.lines).toContain(`Статус выгрузки: не выгрузили ${status.report.summary.notUploaded} ЛКО, с ошибками ${status.report.summary.withErrors} ЛКО.`);
    expect(sstu.deadline?.text).toBe('Месяц ещё идёт. Данные за ноябрь 2026 выгружаются в ССТУ.РФ с 1 декабря по 5 декабря (через 8 дней).');

    // the journal finds the files by what is inside them
    const licence = erul.report.records!.find((r) => r.outcome === 'renumbered')!.old;
    expect((await searchChecks(db, { text: licence })).entries.map((e) => e.id)).toContain(erul.id);
  });
});
