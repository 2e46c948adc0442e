/**
 * The heartbeat of running checks (lib/journal/heartbeat.ts). Inputs: running entries written by markRunning
 * at a known time, beaten or not, with the clock moved by hand; a cut-off check settled by two waking workers
 * at once; entries sighted on a portal, on another portal's URL, by a page capture and by a drop.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openJournal, type JournalDb } from '../../../lib/journal/db';
import { markInterrupted, markRunning, recordCheck } from '../../../lib/journal/store';
import { asShown, beat, claimResume, interruptRunning, isStale, refetchUrl, settleEntry, STALE_AFTER_MS } from '../../../lib/journal/heartbeat';
import { nextAction } from '../../../lib/checks/next-action';
import { headline } from '../../../lib/checks/headline';
import type { Sighting } from '../../../lib/journal/schema';

let db: JournalDb;
const sha = (n: number) => n.toString(16).padStart(64, '0');
const T0 = 1_000_000;
const sighting = (via: Sighting['via'], sourceUrl?: string): Sighting => ({ at: T0, fileName: 'result.json', portal: 'tor-knd', via, ...(sourceUrl ? { sourceUrl } : {}) });
const entry = async (n = 1) => (await db.checks.where('sha256').equals(sha(n)).first())!;

beforeEach(() => {
  db = openJournal({ indexedDB: new IDBFactory(), IDBKeyRange });
});

describe('heartbeat of a running check', () => {
  it('a running entry is alive while it beats and stale once the beats stop', async () => {
    await markRunning(db, { sha256: sha(1), size: 5, sighting: sighting('download') });
    expect(isStale(await entry(), T0 + STALE_AFTER_MS)).toBe(false);
    expect(isStale(await entry(), T0 + STALE_AFTER_MS + 1)).toBe(true);
    await beat(db, sha(1), T0 + 60_000);
    expect(isStale(await entry(), T0 + 60_000 + STALE_AFTER_MS)).toBe(false);
    // the worker's pass marks only what stopped beating
    expect(await markInterrupted(db, T0 + 61_000)).toBe(0);
    expect(await markInterrupted(db, T0 + 60_000 + STALE_AFTER_MS + 1)).toBe(1);
  });

  it('a page shows a stale running check as interrupted at once, with what to do', async () => {
    await markRunning(db, { sha256: sha(1), size: 5, sighting: sighting('drop') });
    const e = await entry();
    expect(asShown(e, T0 + 1000)).toBe(e);
    const shown = asShown(e, T0 + STALE_AFTER_MS + 1);
    expect(shown.status).toBe('interrupted');
    expect(shown.verdict).toBe('error');
    expect(headline(shown.report)).toContain('Проверка прервалась');
    expect(headline(shown.report)).toContain('«Проверить файлы»');
    expect(nextAction(shown.report)).toContain('скачайте его из портала заново');
    // the stored entry is untouched: only the worker writes
    expect((await entry()).status).toBe('running');
  });

  it('a beat after the check finished changes nothing', async () => {
    await markRunning(db, { sha256: sha(1), size: 5, sighting: sighting('download') });
    await recordCheck(db, { file: 'result.json', kind: 'unknown', verdict: 'ok', summary: {}, findings: [] }, { sha256: sha(1), size: 5, sighting: sighting('download') });
    await beat(db, sha(1), T0 + 5000);
    expect((await entry()).heartbeatAt).toBe(T0);
  });
});

describe('settling a cut-off check', () => {
  it('is resumed once when its bytes are reachable, and interrupted the second time', async () => {
    await markRunning(db, { sha256: sha(1), size: 5, sighting: sighting('download') });
    const id = (await entry()).id!;
    const late = T0 + STALE_AFTER_MS + 1;
    // two workers wake together: one resumes, the other sees a fresh heartbeat and leaves it alone
    expect(await Promise.all([settleEntry(db, id, { now: late, reachable: true }), settleEntry(db, id, { now: late, reachable: true })])).toEqual(['resume', 'alive']);
    expect((await entry()).resumes).toBe(1);
    // the resumed run is cut off too: never a second resume
    const later = late + STALE_AFTER_MS + 1;
    expect(await settleEntry(db, id, { now: later, reachable: true })).toBe('interrupted');
    expect((await entry()).status).toBe('interrupted');
    expect(await settleEntry(db, id, { now: later, reachable: true })).toBe('gone');
  });

  it('is interrupted at once when its bytes are gone, and a new browser session ends it whatever its heartbeat', async () => {
    await markRunning(db, { sha256: sha(1), size: 5, sighting: sighting('page') });
    await markRunning(db, { sha256: sha(2), size: 5, sighting: sighting('drop') });
    expect(await settleEntry(db, (await entry(1)).id!, { now: T0 + STALE_AFTER_MS + 1, reachable: false })).toBe('interrupted');
    expect(await settleEntry(db, (await entry(2)).id!, { now: T0 + 1000, reachable: false })).toBe('alive');
    expect(await settleEntry(db, (await entry(2)).id!, { now: T0 + 1000, dead: true, reachable: false })).toBe('interrupted');
  });

  it('a runner lost under a worker that still holds the file: one resume, then interrupted', async () => {
    // no entry yet (the runner died before writing it): the worker may try again
    expect(await claimResume(db, sha(1))).toBe(true);
    await markRunning(db, { sha256: sha(1), size: 5, sighting: sighting('page') });
    expect(await claimResume(db, sha(1), T0 + 10)).toBe(true);
    expect(await claimResume(db, sha(1), T0 + 20)).toBe(false);
    await interruptRunning(db, sha(1));
    expect((await entry()).status).toBe('interrupted');
    expect((await entry()).resumes).toBe(1);
  });
});

describe('where a cut-off check can fetch its file again', () => {
  const portalOf = (url: string) => (new URL(url).host === 'tor.knd.gov.ru' ? 'tor-knd' : new URL(url).host === 'pos.gosuslugi.ru' ? 'pos' : null);
  const e = (s: Sighting) => ({ portal: 'tor-knd', sightings: [s] });
  it('only a download or «Проверить» of its own portal, over HTTPS', () => {
    expect(refetchUrl(e(sighting('download', 'https://tor.knd.gov.ru/f.json')), portalOf)).toBe('https://tor.knd.gov.ru/f.json');
    expect(refetchUrl(e(sighting('button', 'https://tor.knd.gov.ru/f.json')), portalOf)).toBe('https://tor.knd.gov.ru/f.json');
    expect(refetchUrl(e(sighting('download', 'https://pos.gosuslugi.ru/f.json')), portalOf)).toBeNull();
    expect(refetchUrl(e(sighting('download', 'http://tor.knd.gov.ru/f.json')), portalOf)).toBeNull();
    // a page capture's URL is the page, not the file; a drop has none
    expect(refetchUrl(e(sighting('page', 'https://tor.knd.gov.ru/cabinet')), portalOf)).toBeNull();
    expect(refetchUrl(e(sighting('drop')), portalOf)).toBeNull();
  });
});
