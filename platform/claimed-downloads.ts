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
