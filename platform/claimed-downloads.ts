/**
 * Which downloads the worker has already taken up, so the event path (downloads.onChanged) and the safety
 * net (a search of recent downloads) never check the same download twice. Kept in storage.session, so a
 * restarted worker remembers; the in-memory set closes the gap between two calls in one worker.
 */
import { browser } from 'wxt/browser';

const KEY = 'claimedDownloads';
const KEEP = 500;
const inMemory = new Set<number>();
let chain: Promise<unknown> = Promise.resolve();

/** True the first time a download id is claimed, false afterwards. */
export function claimDownload(id: number): Promise<boolean> {
  const run = chain.then(async () => {
    if (inMemory.has(id)) return false;
    const area = browser.storage.session ?? browser.storage.local;
    const got = (await area.get(KEY))[KEY];
    const ids: number[] = Array.isArray(got) ? got.filter((x): x is number => typeof x === 'number') : [];
    ids.forEach((x) => inMemory.add(x));
    if (inMemory.has(id)) return false;
    inMemory.add(id);
    await area.set({ [KEY]: [...ids, id].slice(-KEEP) });
    return true;
  });
  chain = run.catch(() => undefined);
  return run;
}
