/**
 * The service worker's side of the heartbeat (lib/journal/heartbeat.ts): on every wake-up, on an alarm while
 * checks run, and whenever a page says the journal changed, each running check whose runner is gone is
 * checked again once when its bytes are still reachable (the file waiting in Cache Storage, or a same-portal
 * URL to fetch again), otherwise marked interrupted at once.
 */
import { browser } from 'wxt/browser';
import type { CheckEntry } from '../lib/journal/schema';
import { isStale, lastBeat, refetchUrl, settleEntry } from '../lib/journal/heartbeat';
import { portalForUrl } from '../lib/portals';
import { journal } from './journal';
import { loadSettings } from './settings';
import { PENDING_CACHE, pendingUrl } from './offscreen-checks';
import { stopWatchingChecks, watchRunningChecks } from './settle-alarm';
const SESSION_MARK = 'checksSettledThisSession';
/** Checks started before this worker in an earlier browser session cannot be alive, heartbeat or not. */
const WORKER_STARTED_AT = Date.now();

/** How a cut-off check is run again: from the bytes kept for it, or by fetching its URL. */
export type Resume = (entry: CheckEntry, again: { bytes: Blob } | { url: string }) => Promise<void>;

let settling: Promise<number> | null = null;

/** Settles the running checks (one pass at a time); resolves with how many were marked interrupted. */
export function settleRunningChecks(resume: Resume): Promise<number> {
  settling ??= settleOnce(resume).finally(() => (settling = null));
  return settling;
}

async function settleOnce(resume: Resume): Promise<number> {
  const newSession = await firstPassOfSession();
  const now = Date.now();
  const running = await journal.checks.where('status').equals('running').toArray();
  let alive = 0;
  let interrupted = 0;
  for (const e of running) {
    const dead = newSession && lastBeat(e) < WORKER_STARTED_AT;
    if (!dead && !isStale(e, now)) {
      alive++;
      continue;
    }
    const bytes = await pendingBytes(e.sha256);
    const url = bytes ? null : refetchUrl(e, await portalOf());
    const outcome = await settleEntry(journal, e.id!, { now, dead, reachable: Boolean(bytes || url) });
    if (outcome === 'resume') {
      alive++;
      void resume(e, bytes ? { bytes } : { url: url! }).catch((err: unknown) => console.error('Сверка: повторная проверка не удалась', err));
    } else if (outcome === 'alive') alive++;
    else if (outcome === 'interrupted') {
      interrupted++;
      await dropPending(e.sha256);
    }
  }
  // while something runs, an alarm wakes the worker to look again (a runner may die with no event at all)
  if (alive) await watchRunningChecks();
  else await stopWatchingChecks();
  return interrupted;
}

/** True once per browser session (storage.session is emptied when the browser closes). */
async function firstPassOfSession(): Promise<boolean> {
  const area = browser.storage.session;
  if (!area) return false;
  if ((await area.get(SESSION_MARK))[SESSION_MARK]) return false;
  await area.set({ [SESSION_MARK]: true });
  return true;
}

async function portalOf(): Promise<(url: string) => string | null> {
  const { userHosts } = await loadSettings();
  return (url) => portalForUrl(url, userHosts);
}

async function pendingBytes(runningKey: string): Promise<Blob | null> {
  if (typeof caches === 'undefined') return null;
  const response = await (await caches.open(PENDING_CACHE)).match(pendingUrl(runningKey));
  return response ? response.blob() : null;
}

async function dropPending(runningKey: string): Promise<void> {
  if (typeof caches !== 'undefined') await (await caches.open(PENDING_CACHE)).delete(pendingUrl(runningKey));
}
