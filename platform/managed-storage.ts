/**
 * The organisation's policy (storage.managed), read without ever holding up a check. Chromium answers
 * storage.managed.get only once its policy service has started, which was measured here at over two minutes
 * after a browser start (every capture, download and start-up step waited on it). So the read is bounded: past
 * MANAGED_WAIT_MS the last policy this browser delivered (kept in storage.local) stands in, or none on a first
 * run, and the real answer, when it comes, replaces the kept copy and tells every settings listener.
 */
import { browser } from 'wxt/browser';

export const MANAGED_WAIT_MS = 1500;
/** storage.local key of the last policy the browser delivered. */
export const MANAGED_COPY_KEY = 'managedCopy';

let reading: Promise<unknown> | null = null;

/** One storage.managed.get at a time; its answer is kept for the next start-up. */
function readFromBrowser(): Promise<unknown> {
  reading ??= (async () => {
    let value: unknown;
    try {
      // Firefox rejects the call when no policy exists
      value = (await browser.storage.managed?.get()) ?? {};
    } catch {
      value = {};
    }
    const kept = (await browser.storage.local.get(MANAGED_COPY_KEY))[MANAGED_COPY_KEY];
    if (JSON.stringify(kept ?? {}) !== JSON.stringify(value)) await browser.storage.local.set({ [MANAGED_COPY_KEY]: value });
    return value;
  })().finally(() => (reading = null));
  return reading;
}

export async function readManaged(waitMs = MANAGED_WAIT_MS): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), waitMs)));
  const answer = await Promise.race([readFromBrowser(), late]);
  clearTimeout(timer);
  if (answer !== 'late') return answer;
  return (await browser.storage.local.get(MANAGED_COPY_KEY))[MANAGED_COPY_KEY] ?? {};
}
