/**
 * Which downloads the worker has already taken up, so the event path (downloads.onChanged) and the safety
 * net (a search of recent downloads) never check the same download twice. Kept in storage.local so that a
 * browser restart does not re-check the last minutes' downloads (storage.session is emptied then); a claim is
 * the download's id with its start time, because Firefox numbers downloads anew in every session. The
 * in-memory set closes the gap between two calls in one worker.
 */
import { browser } from 'wxt/browser';

const KEY = 'claimedDownloads';
const KEEP = 500;
const inMemory = new Set<string>();
let chain: Promise<unknown> = Promise.resolve();

export function downloadClaim(item: { id: number; startTime?: string }): string {
  return `${item.id}@${item.startTime ?? ''}`;
}

/** True the first time a download is claimed, false afterwards (also after a browser restart). */
export function claimDownload(item: { id: number; startTime?: string }): Promise<boolean> {
  const claim = downloadClaim(item);
  const run = chain.then(async () => {
    if (inMemory.has(claim)) return false;
    const got = (await browser.storage.local.get(KEY))[KEY];
    const claims: string[] = Array.isArray(got) ? got.filter((x): x is string => typeof x === 'string') : [];
    claims.forEach((x) => inMemory.add(x));
    if (inMemory.has(claim)) return false;
    inMemory.add(claim);
    await browser.storage.local.set({ [KEY]: [...claims, claim].slice(-KEEP) });
    return true;
  });
  chain = run.catch(() => undefined);
  return run;
}

const SESSION_MARK = 'safetyNetFrom';
/** A download that started this close before the mark still counts as this session's (the worker starts late). */
const SESSION_SLACK_MS = 2000;

/**
 * How far back the safety net may look: not before this browser session began, nor before the last purge
 * (both empty storage.session), so «Удалить все данные» followed by a restart never brings back a file that
 * was downloaded before it (the claims went with the purge). Call once at worker start.
 */
export async function safetyNetFrom(now = Date.now()): Promise<number> {
  const area = browser.storage.session;
  if (!area) return 0;
  const got = (await area.get(SESSION_MARK))[SESSION_MARK];
  if (typeof got === 'number') return got;
  await area.set({ [SESSION_MARK]: now - SESSION_SLACK_MS });
  return now - SESSION_SLACK_MS;
}
