/**
 * A check cut off mid-way in real Chromium, without a browser restart:
 * - an 11 MB ЕРУЛ result (60,000 licences, scripts/bench/renumbering.ts bigErulResult) downloaded
 *   on ТОР КНД; while the offscreen document checks it, the worker closes the document
 *   (chrome.offscreen.closeDocument). The file is checked once more from the bytes the worker kept, and the
 *   popup shows the verdict (the journal entry counts one resume);
 * - the same file chosen on the report page, and the page closed mid-check: its bytes are gone, so the popup
 *   says «Проверка прервалась» with what to do as soon as the heartbeat is stale, and the worker stores it so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { extensionPage, launchWithExtension, startPortalServer, type Launched, type PortalServer } from './harness';
import { bigErulResult } from '../../scripts/bench/renumbering';
import { STALE_AFTER_MS } from '../../lib/journal/heartbeat';
import type { CheckEntry } from '../../lib/journal/schema';

let server: PortalServer;
let app: Launched;
const tmp = mkdtempSync(join(tmpdir(), 'sverka-resume-'));
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
function entriesOf(page: Page, fileName: string): Promise<CheckEntry[]> {
  return page.evaluate(
    (name) =>
      new Promise<CheckEntry[]>((resolve, reject) => {
        const open = indexedDB.open('sverka-journal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('checks').objectStore('checks').getAll();
          req.onsuccess = () => {
            resolve((req.result as CheckEntry[]).filter((c) => c.fileName === name));
            open.result.close();
          };
        };
      }),
    fileName,
  );
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

  it('the report page closed mid-check: «Проверка прервалась» with what to do, without a restart', async () => {
    // a different file (another hash), so the entry above is not what we see
    const name = 'из-папки.json';
    const path = join(tmp, name);
    writeFileSync(path, Buffer.concat([BODY, Buffer.from('\n')]));
    const report = await app.context.newPage();
    await report.goto(extensionPage(app, 'report.html'));
    const watcher = await app.context.newPage();
    await watcher.goto(extensionPage(app, 'manifest.json'));
    await report.locator('#file-picker').setInputFiles(path);
    await expect.poll(async () => (await entriesOf(watcher, name)).map((e) => e.status), { timeout: 30_000, interval: 100 }).toEqual(['running']);
    const cutAt = Date.now();
    await report.close();

    const popup = await openPopup();
    const line = popup.locator('.recent-check', { hasText: name });
    await expect.poll(() => line.getAttribute('data-verdict'), { timeout: STALE_AFTER_MS + 30_000 }).toBe('error');
    // not before the heartbeat went stale: a live check is never called interrupted
    expect(Date.now() - cutAt).toBeGreaterThan(STALE_AFTER_MS - 5000);
    expect(await line.textContent()).toContain('Проверка прервалась');
    expect(await line.textContent()).toContain('«Проверить файлы»');
    // the popup told the worker, which stores it (no waiting for a restart or the next alarm)
    await expect.poll(async () => (await entriesOf(watcher, name)).map((e) => e.status), { timeout: 15_000 }).toEqual(['interrupted']);
    await popup.close();
    await watcher.close();
  }, 120_000);
});
