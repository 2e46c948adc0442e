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

describe('how far back the safety net looks', () => {
  it('from the first worker start of the browser session, kept while the session lasts, and anew after a purge', async () => {
    const { safetyNetFrom } = await import('../../../platform/claimed-downloads');
    const start = Date.parse('2026-12-02T08:00:00Z');
    const from = await safetyNetFrom(start);
    expect(from).toBeLessThanOrEqual(start);
    expect(start - from).toBeLessThanOrEqual(5000);
    // a worker restarted later in the same session keeps the mark
    vi.resetModules();
    const again = await import('../../../platform/claimed-downloads');
    expect(await again.safetyNetFrom(start + 10 * 60_000)).toBe(from);
    // «Удалить все данные» (storage.session emptied) or a browser restart: the net starts over from now
    await fakeBrowser.storage.session.clear();
    expect(await again.safetyNetFrom(start + 20 * 60_000)).toBeGreaterThan(start + 19 * 60_000);
  });
});
