/**
 * Journal operations. One entry per distinct file (SHA-256); seeing the same file again adds a sighting.
 */
import type { CheckReport } from '../checks/report';
import type { JournalDb } from './db';
import type { CheckEntry, Sighting } from './schema';
import { searchTermsOf } from './search-terms';
import { guardQuota } from './errors';
import { interruptedFields, isStale } from './heartbeat';

export { INTERRUPTED_MESSAGE } from './heartbeat';

export const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_SIGHTINGS = 50;

export interface RecordMeta {
  sha256: string;
  size: number;
  sighting: Sighting;
}

export interface Recorded {
  id: number;
  /** False when the same file was already in the journal: a sighting was added instead. */
  isNew: boolean;
}

/**
 * Stores a finished check (or adds a sighting to the same file's entry) in one transaction. `runningKey` is
 * the provisional key markRunning stored before the hash was known (hash and check run in one pass): that
 * entry becomes the file's entry, or goes when the same file was already in the journal.
 */
export async function recordCheck(db: JournalDb, report: CheckReport, meta: RecordMeta, runningKey?: string): Promise<Recorded> {
  return guardQuota(() => recordCheckTx(db, report, meta, runningKey));
}

function recordCheckTx(db: JournalDb, report: CheckReport, meta: RecordMeta, runningKey?: string): Promise<Recorded> {
  return db.transaction('rw', db.checks, db.licences, async () => {
    if (runningKey && runningKey !== meta.sha256) {
      const running = await db.checks.where('sha256').equals(runningKey).first();
      const known = await db.checks.where('sha256').equals(meta.sha256).first();
      if (running?.id !== undefined) {
        if (known) await db.checks.delete(running.id);
        else {
          await db.checks.update(running.id, { sha256: meta.sha256, size: meta.size, lastSeenAt: Math.max(running.lastSeenAt, meta.sighting.at), ...entryFields(report, meta) });
          return { id: running.id, isNew: true };
        }
      }
    }
    const existing = await db.checks.where('sha256').equals(meta.sha256).first();
    if (existing?.id !== undefined) {
      const wasUnfinished = existing.status !== 'done';
      // markRunning already stored this very sighting: finishing the check must not count it twice
      const last = existing.sightings[existing.sightings.length - 1];
      const same = wasUnfinished && last?.at === meta.sighting.at && last.fileName === meta.sighting.fileName && last.via === meta.sighting.via;
      const sightings = (same ? existing.sightings : [...existing.sightings, meta.sighting]).slice(-MAX_SIGHTINGS);
      await db.checks.update(existing.id, {
        sightings,
        lastSeenAt: Math.max(existing.lastSeenAt, meta.sighting.at),
        ...(wasUnfinished ? entryFields(report, meta) : {}),
      });
      if (wasUnfinished) await forgetLicenceRows(db, existing.id);
      return { id: existing.id, isNew: false };
    }
    const entry: CheckEntry = {
      sha256: meta.sha256,
      size: meta.size,
      firstSeenAt: meta.sighting.at,
      lastSeenAt: meta.sighting.at,
      sightings: [meta.sighting],
      ...entryFields(report, meta),
    };
    const id = await db.checks.add(entry);
    return { id, isNew: true };
  });
}

function entryFields(report: CheckReport, meta: RecordMeta) {
  return {
    fileName: meta.sighting.fileName,
    portal: meta.sighting.portal,
    ...(meta.sighting.sourceUrl ? { sourceUrl: meta.sighting.sourceUrl } : {}),
    kind: report.kind,
    verdict: report.verdict,
    status: 'done' as const,
    report,
    searchTerms: searchTermsOf(meta.sighting.fileName, report),
  };
}

/**
 * Licence rows are no longer written: nothing ever read them, and a region-wide ЕРУЛ result meant 200,000
 * indexed rows put one by one (≈ 70 s of a 135 s check). Search needs only the entry's `searchTerms`; the
 * ledger reads the reports. Rows an older version wrote go when their check does.
 */
export async function forgetLicenceRows(db: JournalDb, checkId: number): Promise<void> {
  await db.licences.where('checkId').equals(checkId).delete();
}

/** A journal key for a check whose hash is not known yet (64 hex digits, as a SHA-256, never one). */
export function provisionalKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Marks a check as started before the (possibly long) work, so a service worker stopped mid-check
 * leaves a trace that is later shown as interrupted rather than lost.
 */
export async function markRunning(db: JournalDb, meta: RecordMeta): Promise<void> {
  await guardQuota(() => markRunningTx(db, meta));
}

async function markRunningTx(db: JournalDb, meta: RecordMeta): Promise<void> {
  await db.transaction('rw', db.checks, async () => {
    const existing = await db.checks.where('sha256').equals(meta.sha256).first();
    if (existing) return;
    const s = meta.sighting;
    await db.checks.add({
      sha256: meta.sha256,
      size: meta.size,
      fileName: s.fileName,
      portal: s.portal,
      ...(s.sourceUrl ? { sourceUrl: s.sourceUrl } : {}),
      kind: 'unknown',
      verdict: 'warn',
      status: 'running',
      heartbeatAt: s.at,
      firstSeenAt: s.at,
      lastSeenAt: s.at,
      sightings: [s],
      report: { file: s.fileName, kind: 'unknown', verdict: 'warn', summary: {}, findings: [] },
      searchTerms: [s.fileName.toLowerCase()],
    });
  });
}

/**
 * Every check still "running" whose runner stopped beating (lib/journal/heartbeat.ts) is marked interrupted
 * instead of spinning forever; one still beating (a report page working on a 100 MB archive, the offscreen
 * document outliving a worker) is left alone. Returns how many were marked.
 */
export async function markInterrupted(db: JournalDb, now = Date.now()): Promise<number> {
  const running = (await db.checks.where('status').equals('running').toArray()).filter((c) => isStale(c, now));
  for (const c of running) await db.checks.update(c.id!, interruptedFields(c.report));
  return running.length;
}

export async function recentChecks(db: JournalDb, limit = 20): Promise<CheckEntry[]> {
  return db.checks.orderBy('lastSeenAt').reverse().limit(limit).toArray();
}

export async function getCheck(db: JournalDb, id: number): Promise<CheckEntry | undefined> {
  return db.checks.get(id);
}

/** Checks whose verdict is `error`: what the badge counts. */
export async function needsActionCount(db: JournalDb): Promise<number> {
  return db.checks.where('verdict').equals('error').count();
}

export async function deleteCheck(db: JournalDb, id: number): Promise<void> {
  await db.transaction('rw', db.checks, db.licences, async () => {
    await db.licences.where('checkId').equals(id).delete();
    await db.checks.delete(id);
  });
}

/** Deletes everything whose last sighting is older than `days`. Returns how many checks went. */
export async function applyRetention(db: JournalDb, days: number, now = Date.now()): Promise<number> {
  const cutoff = now - days * DAY_MS;
  return db.transaction('rw', db.checks, db.licences, async () => {
    const old = await db.checks.where('lastSeenAt').below(cutoff).primaryKeys();
    if (!old.length) return 0;
    await db.licences.where('checkId').anyOf(old).delete();
    await db.checks.bulkDelete(old);
    return old.length;
  });
}

/** «Удалить все данные»: the journal empties in one transaction. */
export async function purgeAll(db: JournalDb): Promise<void> {
  await db.transaction('rw', db.checks, db.licences, async () => {
    await db.checks.clear();
    await db.licences.clear();
  });
}

/** Reports of every finished check, oldest first: what the renumbering ledger is built from. */
export async function allReports(db: JournalDb, kinds?: readonly string[]): Promise<CheckReport[]> {
  const entries = kinds ? await db.checks.where('kind').anyOf([...kinds]).toArray() : await db.checks.toArray();
  return entries.filter((e) => e.status === 'done').sort((a, b) => a.firstSeenAt - b.firstSeenAt).map((e) => e.report);
}
