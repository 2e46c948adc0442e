import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openJournal, type JournalDb } from '../../../lib/journal/db';
import { applyRetention, markInterrupted, markRunning, needsActionCount, purgeAll, recentChecks, recordCheck, DAY_MS } from '../../../lib/journal/store';
import type { CheckReport } from '../../../lib/checks/report';

let db: JournalDb;
const report = (file: string, verdict: CheckReport['verdict'] = 'error'): CheckReport => ({
  file,
  kind: 'erul-renumbering-result',
  verdict,
  summary: { total: 1 },
  findings: [],
  records: [{ old: '77-01-000123', new: 'Л041-00110-77/00012345', outcome: 'renumbered', error: '' }],
});
const sha = (n: number) => n.toString(16).padStart(64, '0');
const sighting = (fileName: string, at: number) => ({ at, fileName, portal: 'tor-knd', via: 'download' as const });

beforeEach(() => {
  db = openJournal({ indexedDB: new IDBFactory(), IDBKeyRange });
});

describe('journal', () => {
  it('the same file (same SHA-256) checked twice is one entry with two sightings', async () => {
    const a = await recordCheck(db, report('a.json'), { sha256: sha(1), size: 10, sighting: sighting('a.json', 1000) });
    const b = await recordCheck(db, report('a (1).json'), { sha256: sha(1), size: 10, sighting: sighting('a (1).json', 2000) });
    expect(a.isNew).toBe(true);
    expect(b).toEqual({ id: a.id, isNew: false });
    const all = await db.checks.toArray();
    expect(all).toHaveLength(1);
    expect(all[0].sightings.map((s) => s.fileName)).toEqual(['a.json', 'a (1).json']);
    expect(all[0].lastSeenAt).toBe(2000);
    expect(await db.licences.count()).toBe(0);
    expect(all[0].searchTerms).toContain('л041-00110-77/00012345');
  });

  it('retention deletes checks not seen for longer than the period, with their licence rows', async () => {
    const now = 100 * DAY_MS;
    await recordCheck(db, report('old.json'), { sha256: sha(1), size: 1, sighting: sighting('old.json', now - 91 * DAY_MS) });
    await recordCheck(db, report('new.json'), { sha256: sha(2), size: 1, sighting: sighting('new.json', now - 89 * DAY_MS) });
    // rows an older version wrote per licence
    const row = { old: 'Л041-00110-77/00012345', new: '', outcome: 'renumbered' as const, error: '', kind: 'erul-renumbering-result' as const, at: 1 };
    await db.licences.bulkAdd([{ ...row, checkId: 1 }, { ...row, checkId: 2 }]);
    expect(await applyRetention(db, 90, now)).toBe(1);
    expect((await db.checks.toArray()).map((c) => c.fileName)).toEqual(['new.json']);
    expect((await db.licences.toArray()).map((l) => l.checkId)).toEqual([2]);
  });

  it('purge empties everything at once', async () => {
    await recordCheck(db, report('a.json'), { sha256: sha(1), size: 1, sighting: sighting('a.json', 1) });
    await purgeAll(db);
    expect(await db.checks.count()).toBe(0);
    expect(await db.licences.count()).toBe(0);
  });

  it('a check cut off mid-way is shown as interrupted, then completed by a later check of the same file', async () => {
    await markRunning(db, { sha256: sha(3), size: 5, sighting: sighting('big.zip', 10) });
    expect(await markInterrupted(db)).toBe(1);
    const [c] = await db.checks.toArray();
    expect(c.status).toBe('interrupted');
    expect(c.verdict).toBe('error');
    expect(c.report.findings[0].message).toContain('прервалась');
    await recordCheck(db, report('big.zip', 'ok'), { sha256: sha(3), size: 5, sighting: sighting('big.zip', 20) });
    const [d] = await db.checks.toArray();
    expect(d.status).toBe('done');
    expect(d.verdict).toBe('ok');
    expect(await db.checks.count()).toBe(1);
  });

  it('counts what needs action and lists the newest first', async () => {
    await recordCheck(db, report('1.json', 'error'), { sha256: sha(1), size: 1, sighting: sighting('1.json', 1) });
    await recordCheck(db, report('2.json', 'ok'), { sha256: sha(2), size: 1, sighting: sighting('2.json', 2) });
    await recordCheck(db, report('3.json', 'error'), { sha256: sha(3), size: 1, sighting: sighting('3.json', 3) });
    expect(await needsActionCount(db)).toBe(2);
    expect((await recentChecks(db, 2)).map((c) => c.fileName)).toEqual(['3.json', '2.json']);
  });
});

describe('interrupted checks', () => {
  it('a check still running in an open report page is not marked interrupted by a waking worker, until it is old', async () => {
    const drop = { at: 1000, fileName: 'big.zip', portal: null, via: 'drop' as const };
    await markRunning(db, { sha256: sha(9), size: 5, sighting: drop });
    expect(await markInterrupted(db, 2000)).toBe(0);
    expect(await markInterrupted(db, 1000 + 31 * 60 * 1000)).toBe(1);
  });
});

describe('sightings', () => {
  it('a check marked running and then finished is one sighting, not two', async () => {
    const meta = { sha256: sha(7), size: 3, sighting: sighting('once.json', 500) };
    await markRunning(db, meta);
    await recordCheck(db, report('once.json', 'ok'), meta);
    const [c] = await db.checks.toArray();
    expect(c.sightings).toHaveLength(1);
    expect(c.status).toBe('done');
  });
});
