/**
 * A check cut off mid-way in real Chromium, without a browser restart:
 * - an 11 MB ЕРУЛ result (60,000 licences, scripts/bench/renumbering.ts bigErulResult) downloaded
 *   on ТОР КНД; while the offscreen document checks it, the worker closes the document
 *   (chrome.offscreen.closeDocument). The file is checked once more from the bytes the worker kept, and the
 *   popup shows the verdict (the journal entry counts one resume).
 * The «прервалась at once» side (bytes gone, heartbeat stale) is covered by tests/unit/journal-core/heartbeat.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, journalEntries, launchWithExtension, startPortalServer, type Launched, type PortalServer } from './harness';
import { bigErulResult } from '../../scripts/bench/renumbering';
import type { CheckEntry } from '../../lib/journal/schema';

let server: PortalServer;
let app: Launched;
const NAME = 'erul-region.json';
const BODY = Buffer.from(bigErulResult(60_000), 'utf8');

beforeAll(async () => {
  server = await startPortalServer();
  server.serve('tor.knd.gov.ru', `/files/${NAME}`, { body: BODY, type: 'application/json', attachment: NAME });
  server.serve('tor.knd.gov.ru', '/results', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Результаты</title></head><body><p><a href="/files/${NAME}">${NAME}</a></p></body></html>`,
    type: 'text/html; charset=utf-8',
  });
  app = await launchWithExtension(server.port);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await server?.close();
});

/** The journal entries of one file name, read through an extension page. */
async function entriesOf(page: Page, fileName: string): Promise<CheckEntry[]> {
  return (await journalEntries(page)).filter((c) => c.fileName === fileName);
}

async function openPopup(): Promise<Page> {
  const popup = await app.context.newPage();
  await popup.goto(extensionPage(app, 'popup.html'));
  return popup;
}

describe('a check cut off mid-way', () => {
  it('the offscreen document closed mid-check: the download is checked once more and its verdict shown', async () => {
    const watcher = await app.context.newPage();
    await watcher.goto(extensionPage(app, 'manifest.json'));
    const portal = await app.context.newPage();
    await portal.goto('https://tor.knd.gov.ru/results');
    const dl = portal.waitForEvent('download');
    await portal.getByRole('link', { name: NAME }).click();
    await (await dl).path();

    // the check is under way in the offscreen document: its running entry is there
    await expect.poll(async () => (await entriesOf(watcher, NAME)).map((e) => e.status), { timeout: 60_000, interval: 100 }).toEqual(['running']);
    const closed = await app.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { offscreen: { closeDocument(): Promise<void> } } }).chrome.offscreen.closeDocument().then(
        () => true,
        () => false,
      ),
    );
    expect(closed).toBe(true);

    const popup = await openPopup();
    const line = popup.locator('.recent-check', { hasText: NAME });
    await expect.poll(() => line.getAttribute('data-verdict'), { timeout: 90_000 }).toBe('error');
    expect(await line.textContent()).not.toContain('прервалась');
    const [entry] = await entriesOf(watcher, NAME);
    expect(entry.status).toBe('done');
    expect(entry.kind).toBe('erul-renumbering-result');
    expect(entry.resumes).toBe(1);
    expect(entry.sightings).toHaveLength(1);
    expect(await entriesOf(watcher, NAME)).toHaveLength(1);
    await popup.close();
    await portal.close();
    await watcher.close();
  }, 180_000);
});
