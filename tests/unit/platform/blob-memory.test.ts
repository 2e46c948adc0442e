import { describe, expect, it } from 'vitest';
import { BlobMemory, KEEP_BLOBS } from '../../../lib/blob-memory';

const blob = (size: number) => ({ size });

describe('the page hook remembers few Blobs and few bytes', () => {
  it('keeps at most KEEP_BLOBS, forgetting the oldest (was 50)', () => {
    const m = new BlobMemory();
    for (let i = 0; i < 60; i++) m.remember(`blob:x/${i}`, blob(10));
    expect(m.count).toBe(KEEP_BLOBS);
    expect(m.get('blob:x/0')).toBeUndefined();
    expect(m.get('blob:x/59')).toBeDefined();
  });

  it('bounds the bytes it keeps alive: 3 × 100 MB with a 256 MB ceiling keeps the newest two', () => {
    const m = new BlobMemory(8, 256 * 1024 * 1024);
    for (let i = 0; i < 3; i++) m.remember(`blob:x/${i}`, blob(100 * 1024 * 1024));
    expect(m.count).toBe(2);
    expect(m.heldBytes).toBe(200 * 1024 * 1024);
    expect(m.get('blob:x/0')).toBeUndefined();
  });

  it('forgets a revoked URL at once and never keeps a Blob larger than the ceiling', () => {
    const m = new BlobMemory(8, 1000);
    m.remember('blob:x/a', blob(500));
    m.forget('blob:x/a');
    expect(m.count).toBe(0);
    expect(m.heldBytes).toBe(0);
    m.remember('blob:x/huge', blob(1001));
    expect(m.count).toBe(0);
  });
});

describe('form drafts follow the retention period', () => {
  it('a draft older than the period goes, a newer one stays, an undated one goes', async () => {
    const { withoutExpiredDrafts } = await import('../../../lib/forms/draft-retention');
    const now = Date.UTC(2026, 11, 1);
    const day = 24 * 60 * 60 * 1000;
    const kept = withoutExpiredDrafts({ '1': { savedAt: new Date(now - 91 * day).toISOString() }, '2': { savedAt: new Date(now - 10 * day).toISOString() }, x: {} }, 90, now);
    expect(Object.keys(kept ?? {})).toEqual(['2']);
    expect(withoutExpiredDrafts({ '2': { savedAt: new Date(now).toISOString() } }, 90, now)).toBeNull();
  });
});
