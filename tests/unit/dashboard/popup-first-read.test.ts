/** The popup's read of the stored summary: what storage holds, or null — also when storage never answers. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readStored, STORED_WAIT_MS } from '../../../entrypoints/popup/first-read';
import { DASHBOARD_SUMMARY_KEY } from '../../../lib/dashboard/stored-summary';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('readStored', () => {
  it('gives what storage holds, null when nothing or a failure', async () => {
    expect(await readStored()).toBeNull();
    await fakeBrowser.storage.local.set({ [DASHBOARD_SUMMARY_KEY]: { schema: 2 } });
    expect(await readStored()).toEqual({ schema: 2 });
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('gone'));
    expect(await readStored()).toBeNull();
  });

  it('does not hold the popup when storage never answers', async () => {
    vi.useFakeTimers();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(() => new Promise(() => undefined) as never);
    const read = readStored();
    await vi.advanceTimersByTimeAsync(STORED_WAIT_MS);
    expect(await read).toBeNull();
  });
});
