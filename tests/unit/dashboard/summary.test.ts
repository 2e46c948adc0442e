/**
 * The stored dashboard summary: the very cards buildCards gives for the journal, kept right as checks are
 * recorded, deleted, imported and purged; and what the popup's first script accepts to show.
 */
import { describe, expect, it } from 'vitest';
import { buildCards, DASHBOARD_KINDS, dashboardLimit, type DashboardSettings } from '../../../lib/dashboard';
import { journalSummary, summarizeDashboard } from '../../../lib/dashboard/summary';
import { DASHBOARD_SUMMARY_SCHEMA, RECENT_CHECKS, localDay, sameSummary, storedRecent, usableSummary } from '../../../lib/dashboard/stored-summary';
import { recentLine } from '../../../lib/dashboard/recent-line';
import { recentChecks } from '../../../lib/journal/store';
import { entriesOfKinds } from '../../../lib/journal/queries';
import { applyRetention, deleteCheck, purgeAll, recordCheck } from '../../../lib/journal/store';
import { exportJournal, importJournal } from '../../../lib/journal/transfer';
import { freshJournal, meta, report } from '../journal/helpers';

const NOW = new Date(2026, 10, 23, 12).getTime();
const HOUR = 3600_000;
const settings: DashboardSettings = { closedPeriods: [], userHosts: [] };

const erulResult = report({
  file: 'result.json',
  kind: 'erul-renumbering-result',
  verdict: 'error',
  summary: { total: 2, renumbered: 1, alreadyInErul: 0, failed: 1, pairingProblems: 0 },
  records: [
    { old: '77-01-000001', new: 'Л041-00110-77/00000001', outcome: 'renumbered', error: '' },
    { old: '77-01-000002', new: '', outcome: 'failed', error: 'Внутренняя ошибка' },
  ],
  findings: [{ severity: 'error', code: 'failed', message: 'Не переприсвоена 1 лицензия.' }],
});
const protocol = report({
  file: 'protocol.xml',
  kind: 'egisso-protocol',
  verdict: 'error',
  summary: { packageStatus: 3, recordNum: 10, recordNumSuccess: 8, failedRecords: 2, errors: 2, warnings: 0, byCode: { '019': 2 } },
  details: { packageID: 'pkg-1' },
});
const unrelated = report({ file: 'notes.json', kind: 'unknown', verdict: 'warn' });

const tones = (s: { cards: { id: string; tone: string }[] } | null) => Object.fromEntries((s?.cards ?? []).map((c) => [c.id, c.tone]));
const files = (s: { recent: { fileName: string }[] } | null) => s?.recent.map((l) => l.fileName);

describe('dashboard summary', () => {
  it('is the cards buildCards computes, stamped with the local day', () => {
    const entries = [{ id: 1, fileName: 'result.json', kind: erulResult.kind, verdict: erulResult.verdict, status: 'done' as const, firstSeenAt: NOW - HOUR, lastSeenAt: NOW - HOUR, report: erulResult, portal: 'tor-knd' }];
    const s = summarizeDashboard(entries, [], settings, NOW);
    expect(s).toEqual({ schema: DASHBOARD_SUMMARY_SCHEMA, day: '2026-11-23', computedAt: NOW, cards: buildCards(entries, settings, NOW), recent: [] });
    expect(s.cards.map((c) => c.id)).toEqual(['renumbering', 'sstu', 'egisso']);
  });

  it('follows the journal: nothing when empty, a recorded check, a deleted one, an import, retention and a purge', async () => {
    const { db } = freshJournal();
    expect(await journalSummary(db, settings, NOW)).toBeNull();

    // a check of no dashboard kind: there are checks, so there are cards (all waiting for files)
    await recordCheck(db, unrelated, meta(1, 'notes.json', NOW - 3 * HOUR));
    expect(tones(await journalSummary(db, settings, NOW))).toEqual({ renumbering: 'idle', sstu: 'idle', egisso: 'idle' });

    const { id: erulId } = await recordCheck(db, erulResult, meta(2, 'result.json', NOW - 2 * HOUR));
    const { id: protoId } = await recordCheck(db, protocol, meta(3, 'protocol.xml', NOW - HOUR));
    const full = await journalSummary(db, settings, NOW);
    expect(tones(full)).toEqual({ renumbering: 'error', sstu: 'idle', egisso: 'error' });
    // the popup's list, newest first, worded as the popup words the journal's entries
    expect(files(full)).toEqual(['protocol.xml', 'result.json', 'notes.json']);
    expect(full!.recent).toEqual((await recentChecks(db, RECENT_CHECKS)).map((e) => recentLine(e, NOW)));
    const renumbering = full!.cards[0];
    expect(renumbering.counts.find((c) => c.key === 'toFix')?.value).toBe(1);
    expect(renumbering.actions[0]).toEqual({ type: 'report', entryId: erulId, label: 'Открыть письмо' });
    // the same as the popup's own count over the same journal
    expect(full!.cards).toEqual(buildCards(await entriesOfKinds(db, DASHBOARD_KINDS, dashboardLimit), settings, NOW));

    // deleted on the journal page: the card goes back to waiting for files
    await deleteCheck(db, erulId);
    const afterDelete = await journalSummary(db, settings, NOW);
    expect(tones(afterDelete)).toEqual({ renumbering: 'idle', sstu: 'idle', egisso: 'error' });
    expect(files(afterDelete)).toEqual(['protocol.xml', 'notes.json']);
    expect(sameSummary(full, afterDelete!)).toBe(false);

    // imported from another computer's export: the ЕРУЛ result is back
    const other = freshJournal().db;
    await recordCheck(other, erulResult, meta(2, 'result.json', NOW - 2 * HOUR));
    await importJournal(db, await exportJournal(other));
    const imported = await journalSummary(db, settings, NOW);
    expect(tones(imported)).toEqual({ renumbering: 'error', sstu: 'idle', egisso: 'error' });
    expect(imported!.cards[0].counts).toEqual(renumbering.counts);

    // retention takes the checks older than the period; the protocol (newest) stays
    await applyRetention(db, 1, NOW + 24 * HOUR - 90 * 60_000);
    expect(tones(await journalSummary(db, settings, NOW))).toEqual({ renumbering: 'idle', sstu: 'idle', egisso: 'error' });
    expect(files(await journalSummary(db, settings, NOW))).toEqual(['protocol.xml']);
    expect((await journalSummary(db, settings, NOW))!.cards[2].actions[0]).toEqual({ type: 'report', entryId: protoId, label: 'Открыть отчёт' });

    // «Удалить все данные»: nothing left to summarise, nothing stored
    await purgeAll(db);
    expect(await journalSummary(db, settings, NOW)).toBeNull();
  });

  it('keeps the newest checks only, worded for the popup (plurals, a running check)', async () => {
    const { db } = freshJournal();
    for (let i = 1; i <= RECENT_CHECKS + 2; i++) await recordCheck(db, unrelated, meta(i, `Иванов_${i}.json`, NOW - (100 - i) * 60_000));
    await recordCheck(db, unrelated, meta(5, 'Иванов_5.json', NOW - 60_000));
    const s = await journalSummary(db, settings, NOW);
    expect(s!.recent).toHaveLength(RECENT_CHECKS);
    expect(files(s)!.slice(0, 3)).toEqual(['Иванов_5.json', 'Иванов_17.json', 'Иванов_16.json']);
    expect(files(s)).not.toContain('Иванов_1.json');
    const seenTwice = s!.recent[0];
    expect(seenTwice).toMatchObject({ verdict: 'warn', fileName: 'Иванов_5.json' });
    expect(seenTwice.meta).toMatch(/^ГИС ТОР КНД · \d\d\.\d\d\.\d{4} \d\d:\d\d · видели 2 раза$/);
    const [entry] = await recentChecks(db, 1);
    expect(recentLine({ ...entry, sightings: Array.from({ length: 5 }, () => entry.sightings[0]) }, NOW).meta).toMatch(/видели 5 раз$/);
    expect(recentLine({ ...entry, status: 'running', heartbeatAt: NOW }, NOW)).toMatchObject({ verdict: 'running', headline: 'Файл проверяется.' });
    // a running check whose runner stopped long ago reads as interrupted
    expect(recentLine({ ...entry, status: 'running', heartbeatAt: NOW - 3600_000 }, NOW)).toMatchObject({ verdict: 'error', headline: expect.stringContaining('Проверка прервалась') });
  });

  it('follows the settings the cards read: a period marked closed', async () => {
    const { db } = freshJournal();
    await recordCheck(db, unrelated, meta(1, 'notes.json', NOW - HOUR));
    const open = await journalSummary(db, settings, NOW);
    const closed = await journalSummary(db, { ...settings, closedPeriods: ['2026-11'] }, NOW);
    expect(open!.cards[1].tone).not.toBe('ok');
    expect(closed!.cards[1].tone).toBe('ok');
    expect(sameSummary(open, closed!)).toBe(false);
    expect(sameSummary(open, { ...open!, computedAt: NOW + 1000 })).toBe(true);
  });
});

describe('a stored summary the popup shows at once', () => {
  const stored = summarizeDashboard([], [], settings, NOW);

  it('is shown on the day it was computed', () => {
    expect(usableSummary(stored, NOW + 6 * HOUR)).toEqual(stored);
    expect(usableSummary(JSON.parse(JSON.stringify(stored)), NOW)).toEqual(stored);
  });

  it('is not shown the next day (the period and the days left are read from the date), nor from an older schema or damaged', () => {
    expect(usableSummary(stored, NOW + 24 * HOUR)).toBeNull();
    expect(localDay(NOW + 24 * HOUR)).toBe('2026-11-24');
    expect(usableSummary({ ...stored, schema: 0 }, NOW)).toBeNull();
    expect(usableSummary({ ...stored, cards: [{ id: 'renumbering' }] }, NOW)).toBeNull();
    expect(usableSummary({ ...stored, cards: [{ ...stored.cards[0], tone: 'purple' }] }, NOW)).toBeNull();
    expect(usableSummary({ ...stored, cards: 'карточки' }, NOW)).toBeNull();
    expect(usableSummary(undefined, NOW)).toBeNull();
    expect(usableSummary('{}', NOW)).toBeNull();
  });

  it('its lines are shown on any day (their words do not read the date), never when damaged, of an older schema or empty', () => {
    const line = { id: 7, fileName: 'Петров_П_П.xlsx', verdict: 'error' as const, meta: 'ПОС · 23.11.2026 12:00', headline: 'Ошибки', next: 'Исправьте.' };
    const withLines = { ...stored, recent: [line] };
    expect(usableSummary(withLines, NOW)).toEqual(withLines);
    expect(storedRecent(withLines)).toEqual([line]);
    expect(storedRecent(JSON.parse(JSON.stringify({ ...withLines, day: '2026-11-01' })))).toEqual([line]);
    expect(storedRecent(stored)).toBeNull();
    expect(storedRecent({ ...withLines, schema: 1 })).toBeNull();
    expect(storedRecent({ ...withLines, recent: [{ ...line, verdict: 'purple' }] })).toBeNull();
    expect(storedRecent({ ...withLines, recent: [{ ...line, id: '7' }] })).toBeNull();
    expect(storedRecent({ ...withLines, recent: 'строки' })).toBeNull();
    expect(usableSummary({ ...withLines, recent: [{ ...line, fileName: 1 }] }, NOW)).toBeNull();
    expect(storedRecent(undefined)).toBeNull();
    expect(sameSummary(stored, withLines)).toBe(false);
  });
});
