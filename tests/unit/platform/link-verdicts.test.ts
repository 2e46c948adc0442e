import { describe, expect, it } from 'vitest';
import { linkVerdicts } from '../../../lib/journal/link-verdicts';
import type { CheckEntry, Sighting } from '../../../lib/journal/schema';
import { RateLimiter } from '../../../platform/rate-limit';

const TOR_FILE = 'https://tor.knd.gov.ru/api/tasks/1057/result/import_result_1057.json';
const TOR_PAGE = 'https://tor.knd.gov.ru/service-tasks';

function entry(id: number, verdict: CheckEntry['verdict'], sighting: Partial<Sighting>): CheckEntry {
  const s: Sighting = { at: id, fileName: 'import_result_1057.json', portal: 'tor-knd', via: 'download', ...sighting };
  return {
    id, sha256: id.toString(16).padStart(64, '0'), fileName: s.fileName, size: 10, portal: s.portal, kind: 'tor-knd-import-result',
    verdict, status: 'done', firstSeenAt: id, lastSeenAt: id, sightings: [s],
    report: { file: s.fileName, kind: 'tor-knd-import-result', verdict, summary: {}, findings: [] }, searchTerms: [],
  };
}

describe('a link badge shows only checks the extension can vouch for', () => {
  it('a page capture claiming another page’s file URL never shows beside that link (the forged «ok»)', () => {
    // as before the fix: a script on a page stored a capture with the ТОР КНД file's URL as its source
    const forged = entry(2, 'ok', { via: 'page', sourceUrl: TOR_FILE, portal: 'pos' });
    const real = entry(1, 'error', { via: 'download', sourceUrl: TOR_FILE });
    const got = linkVerdicts([forged, real], { urls: [TOR_FILE], pageUrl: TOR_PAGE });
    expect(got).toEqual([expect.objectContaining({ url: TOR_FILE, entryId: 1, verdict: 'error' })]);
  });

  it('bytes the extension fetched itself (download, «Проверить») vouch for their URL', () => {
    expect(linkVerdicts([entry(3, 'warn', { via: 'button', sourceUrl: TOR_FILE })], { urls: [TOR_FILE], pageUrl: TOR_PAGE })).toHaveLength(1);
  });

  it('a page capture vouches only on the very page it was captured on', () => {
    const captured = entry(4, 'ok', { via: 'page', sourceUrl: TOR_PAGE });
    expect(linkVerdicts([captured], { urls: [TOR_PAGE], pageUrl: TOR_PAGE })).toHaveLength(1);
    expect(linkVerdicts([captured], { urls: [TOR_PAGE], pageUrl: 'https://tor.knd.gov.ru/other' })).toHaveLength(0);
  });

  it('drops, imports and CLI checks never show beside a portal link', () => {
    for (const via of ['drop', 'import', 'cli'] as const) {
      expect(linkVerdicts([entry(5, 'ok', { via, sourceUrl: TOR_FILE })], { urls: [TOR_FILE], pageUrl: TOR_PAGE })).toHaveLength(0);
    }
  });
});

describe('page captures are rate-limited', () => {
  it('counts per key within the window and forgets what is older', () => {
    let t = 0;
    const limiter = new RateLimiter(3, 60_000, () => t);
    expect([1, 2, 3, 4].map(() => limiter.take('tab:1'))).toEqual([true, true, true, false]);
    expect(limiter.take('tab:2')).toBe(true);
    t = 60_001;
    expect(limiter.take('tab:1')).toBe(true);
  });

  it('a refused event counts for no key', () => {
    const limiter = new RateLimiter(1, 60_000, () => 0);
    expect(limiter.take('all')).toBe(true);
    expect(limiter.take('tab:9', 'all')).toBe(false);
    expect(new RateLimiter(1, 60_000, () => 0).take('tab:9')).toBe(true);
  });
});

describe('lookup answers a page only about its own portal’s links', () => {
  it('a ПОС page asking about a ТОР КНД file hears nothing, a ТОР КНД page does', async () => {
    const { freshJournal, meta, report } = await import('../journal/helpers');
    const { recordCheck } = await import('../../../lib/journal/store');
    const { lookupLinks } = await import('../../../platform/link-lookup');
    const { db } = freshJournal();
    await recordCheck(db, report({ file: 'import_result_1057.json', kind: 'tor-knd-import-result', verdict: 'error' }), meta(1, 'import_result_1057.json', 1000, { sourceUrl: TOR_FILE }));
    expect(await lookupLinks(db, [TOR_FILE], 'https://pos.gosuslugi.ru/lk/sstu', 'pos', [])).toEqual([]);
    expect(await lookupLinks(db, [TOR_FILE], TOR_PAGE, 'tor-knd', [])).toEqual([expect.objectContaining({ url: TOR_FILE, verdict: 'error' })]);
  });
});
