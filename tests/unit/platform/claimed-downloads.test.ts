import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

describe('claimed downloads', () => {
  it('claims a download once, also in a new worker after a browser restart', async () => {
    const first = await import('../../../platform/claimed-downloads');
    const item = { id: 7, startTime: '2026-12-02T06:00:00.000Z' };
    expect(await first.claimDownload(item)).toBe(true);
    expect(await first.claimDownload(item)).toBe(false);
    // a restarted browser empties storage.session and starts a fresh worker: the claim must still hold
    await fakeBrowser.storage.session.clear();
    vi.resetModules();
    const again = await import('../../../platform/claimed-downloads');
    expect(await again.claimDownload(item)).toBe(false);
  });

  it('a reused id with another start time (Firefox numbers downloads anew each session) is a new download', async () => {
    const { claimDownload } = await import('../../../platform/claimed-downloads');
    expect(await claimDownload({ id: 1, startTime: '2026-12-01T10:00:00.000Z' })).toBe(true);
    expect(await claimDownload({ id: 1, startTime: '2026-12-02T10:00:00.000Z' })).toBe(true);
  });
});
