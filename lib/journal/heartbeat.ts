/**
 * Heartbeat of running checks. Whatever runs a check (the offscreen document, a report page, Firefox's
 * background page) refreshes `heartbeatAt` on the running entry every few seconds; an entry whose heartbeat
 * is older than STALE_AFTER_MS lost its runner (worker, document, page or browser gone). Pages show such an
 * entry as interrupted at once; the service worker settles it on its next wake-up or alarm: checked again
 * once when its bytes are still reachable, otherwise marked interrupted with what to do.
 */
import type { JournalDb } from './db';
import type { CheckEntry } from './schema';
import type { CheckReport } from '../checks/report';

export const HEARTBEAT_EVERY_MS = 3000;
/** Several missed beats: a check whose runner is alive but starved by a busy machine still beats in time. */
export const STALE_AFTER_MS = 20_000;
/** A cut-off check is resumed at most this many times: a file that kills its runner is not retried forever. */
export const MAX_RESUMES = 1;

export const INTERRUPTED_MESSAGE =
  'Проверка прервалась: браузер остановил проверку, а файл уже не получить заново. Нажмите «Проверить файлы» в меню расширения и перетащите туда этот файл.';

export const lastBeat = (e: Pick<CheckEntry, 'heartbeatAt' | 'firstSeenAt'>): number => e.heartbeatAt ?? e.firstSeenAt;

/** A running entry nobody has beaten for too long. */
export function isStale(e: Pick<CheckEntry, 'status' | 'heartbeatAt' | 'firstSeenAt'>, now: number): boolean {
  return e.status === 'running' && now - lastBeat(e) > STALE_AFTER_MS;
}

export function interruptedFields(report: CheckReport) {
  return {
    status: 'interrupted' as const,
    verdict: 'error' as const,
    report: { ...report, verdict: 'error' as const, findings: [{ severity: 'error' as const, code: 'interrupted', message: INTERRUPTED_MESSAGE }] },
  };
}

/** The entry as a page should show it now: a running entry without a recent heartbeat is already interrupted. */
export function asShown<E extends CheckEntry>(e: E, now: number): E {
  return isStale(e, now) ? { ...e, ...interruptedFields(e.report) } : e;
}

export const canResume = (e: Pick<CheckEntry, 'resumes'>): boolean => (e.resumes ?? 0) < MAX_RESUMES;

/** Refreshes the heartbeat of the running entry stored under `runningKey` (nothing once it has finished). */
export async function beat(db: JournalDb, runningKey: string, now = Date.now()): Promise<void> {
  await db.checks.where('sha256').equals(runningKey).modify((c) => {
    if (c.status === 'running') c.heartbeatAt = now;
  });
}

/** What settling one running entry came to. */
export type Settled = 'alive' | 'resume' | 'interrupted' | 'gone';

/**
 * Decides, in one transaction, what becomes of a running entry whose runner may be gone: still beating
 * (`alive`), claimed for its one resume (`resume`: the attempt is counted and the heartbeat refreshed, so a
 * second waking worker leaves it alone), or marked interrupted. `dead` says its runner is gone whatever the
 * heartbeat says (a new browser session); `reachable` whether its bytes can still be had.
 */
export function settleEntry(db: JournalDb, id: number, opts: { now: number; dead?: boolean; reachable: boolean }): Promise<Settled> {
  return db.transaction('rw', db.checks, async () => {
    const e = await db.checks.get(id);
    if (!e || e.status !== 'running') return 'gone';
    if (!opts.dead && !isStale(e, opts.now)) return 'alive';
    if (opts.reachable && canResume(e)) {
      await db.checks.update(id, { resumes: (e.resumes ?? 0) + 1, heartbeatAt: opts.now });
      return 'resume';
    }
    await db.checks.update(id, interruptedFields(e.report));
    return 'interrupted';
  });
}

/**
 * Claims the one resume of the check stored under `runningKey` when its runner failed while the caller still
 * holds the bytes. True when there is no entry yet (the runner died before writing it) or the claim was made.
 */
export function claimResume(db: JournalDb, runningKey: string, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.checks, async () => {
    const e = await db.checks.where('sha256').equals(runningKey).first();
    if (!e) return true;
    if (e.status !== 'running' || !canResume(e)) return false;
    await db.checks.update(e.id!, { resumes: (e.resumes ?? 0) + 1, heartbeatAt: now });
    return true;
  });
}

/** The runner failed and the check cannot be resumed: the entry says so at once. */
export async function interruptRunning(db: JournalDb, runningKey: string): Promise<void> {
  await db.transaction('rw', db.checks, async () => {
    const e = await db.checks.where('sha256').equals(runningKey).first();
    if (e?.id !== undefined && e.status === 'running') await db.checks.update(e.id, interruptedFields(e.report));
  });
}

/**
 * The URL a cut-off check can fetch its file from again: only a portal file the extension fetched itself (a
 * download or «Проверить» beside a link), and only from the portal the entry belongs to.
 */
export function refetchUrl(e: Pick<CheckEntry, 'portal' | 'sightings'>, portalOf: (url: string) => string | null): string | null {
  const s = e.sightings[e.sightings.length - 1];
  if (!s?.sourceUrl || (s.via !== 'download' && s.via !== 'button')) return null;
  if (!/^https:\/\//i.test(s.sourceUrl) || !e.portal || portalOf(s.sourceUrl) !== e.portal) return null;
  return s.sourceUrl;
}
