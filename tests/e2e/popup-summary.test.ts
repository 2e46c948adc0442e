/**
 * The popup's cards come from the summary the worker keeps (issue 14): in real Chromium with the built
 * extension, a file downloaded on a portal page makes the worker store the summary; with the journal held by
 * another page's write transaction (so no journal read of the popup can finish) the popup still shows the
 * cards from it; a check deleted on the journal page and a purge change it too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { GENERATED_DIR, extensionPage, launchWithExtension, startPortalServer, type Launched, type PortalServer } from './harness';

const KEY = 'dashboardSummary';
let server: PortalServer;
let app: Launched;

const FILES = {
  erul: { path: '/files/erul-mixed.json', name: 'erul-mixed.json', src: 'renumbering/erul-mixed.json', type: 'application/json' },
  egisso: { path: '/files/protocol-errors.xml', name: 'protocol-errors.xml', src: 'egisso/errors-recorderror-1.0.3.xml', type: 'application/xml' },
} as const;

beforeAll(async () => {
  server = await startPortalServer();
  for (const f of Object.values(FILES)) server.serve('tor.knd.gov.ru', f.path, { body: readFileSync(join(GENERATED_DIR, f.src)), type: f.type, attachment: f.name });
  server.serve('tor.knd.gov.ru', '/files', {
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Файлы</title></head><body>${Object.values(FILES).map((f) => `<p><a href="${f.path}">${f.name}</a></p>`).join('')}</body></html>`,
    type: 'text/html; charset=utf-8',
  });
  app = await launchWithExtension(server.port);
});

afterAll(async () => {
  await app?.close();
  await server?.close();
});

async function download(name: string): Promise<void> {
  const page = await app.context.newPage();
  await page.goto('https://tor.knd.gov.ru/files');
  const dl = page.waitForEvent('download');
  await page.getByRole('link', { name }).click();
  await (await dl).path();
  await page.close();
}

/** The stored summary's tone per card (undefined: none stored). */
async function storedTones(): Promise<Record<string, string> | undefined> {
  const raw = await app.worker.evaluate(
    (key) => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(key).then((r) => r[key]),
    KEY,
  );
  const cards = (raw as { cards?: { id: string; tone: string }[] } | undefined)?.cards;
  return cards && Object.fromEntries(cards.map((c) => [c.id, c.tone]));
}

/** The file names of the stored recent lines (undefined: none stored). */
async function storedFiles(): Promise<string[] | undefined> {
  const raw = await app.worker.evaluate(
    (key) => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(key).then((r) => r[key]),
    KEY,
  );
  return (raw as { recent?: { fileName: string }[] } | undefined)?.recent?.map((l) => l.fileName);
}

/** Another extension page holds a write transaction on the journal's checks: every read of them waits. */
async function holdJournal(): Promise<Page> {
  const page = await app.context.newPage();
  await page.goto(extensionPage(app, 'privacy.html'));
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sverka-journal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('checks', 'readwrite').objectStore('checks');
          const w = window as unknown as { releaseJournal?: boolean };
          // requests keep the transaction alive until released
          const spin = () => {
            if (!w.releaseJournal) store.count().onsuccess = spin;
          };
          store.count().onsuccess = () => {
            spin();
            resolve();
          };
        };
      }),
  );
  return page;
}

const release = (holder: Page) => holder.evaluate(() => ((window as unknown as { releaseJournal?: boolean }).releaseJournal = true));
const card = (p: Page, id: string) => p.locator(`[data-card="${id}"]`);

describe('popup cards from the stored summary', () => {
  it('are stored by the worker after a check and shown while the journal cannot be read yet', async () => {
    expect(await storedTones()).toBeUndefined();
    await download(FILES.erul.name);
    await expect.poll(storedTones, { timeout: 30_000 }).toEqual({ renumbering: 'error', sstu: expect.any(String), egisso: 'idle' });

    const holder = await holdJournal();
    const popup = await app.context.newPage();
    try {
      await popup.goto(extensionPage(app, 'popup.html'));
      await expect.poll(() => card(popup, 'renumbering').getAttribute('data-tone'), { timeout: 15_000 }).toBe('error');
      expect(await card(popup, 'renumbering').textContent()).toContain('нужно обращение в поддержку ТОР КНД');
      // the journal is still held: the list shows the stored lines (as text), the cards are not counted yet
      expect(await popup.locator('.recent-check .file-name').allTextContents()).toEqual([FILES.erul.name]);
      expect(await popup.locator('.recent-check .headline').textContent()).toContain('нужно обращение в поддержку ТОР КНД');
      expect(await popup.evaluate(() => [window.__sverkaPopup?.listRendered !== undefined, window.__sverkaPopup?.cardsCounted])).toEqual([true, undefined]);
    } finally {
      await release(holder);
    }
    await expect.poll(() => popup.locator('.recent-check').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => popup.evaluate(() => window.__sverkaPopup?.cardsCounted !== undefined), { timeout: 30_000 }).toBe(true);
    expect(await card(popup, 'renumbering').getAttribute('data-tone')).toBe('error');
    await holder.close();
    await popup.close();
  });

  it('a new check, a check deleted on the journal page and a purge each change the stored summary', async () => {
    await download(FILES.egisso.name);
    await expect.poll(storedTones, { timeout: 30_000 }).toMatchObject({ renumbering: 'error', egisso: 'error' });

    // a popup opened now shows the new card from the summary, before any journal read
    const holder = await holdJournal();
    const popup = await app.context.newPage();
    try {
      await popup.goto(extensionPage(app, 'popup.html'));
      await expect.poll(() => card(popup, 'egisso').getAttribute('data-tone'), { timeout: 15_000 }).toBe('error');
      expect(await popup.locator('.recent-check .file-name').allTextContents()).toEqual([FILES.egisso.name, FILES.erul.name]);
    } finally {
      await release(holder);
    }
    await holder.close();
    await popup.close();

    const journal = await app.context.newPage();
    await journal.goto(extensionPage(app, 'journal.html'));
    const row = journal.locator('tr.journal-entry').filter({ hasText: FILES.egisso.name });
    await row.getByRole('button', { name: 'Удалить' }).click();
    await row.getByRole('button', { name: 'Да, удалить' }).click();
    await expect.poll(storedTones, { timeout: 30_000 }).toMatchObject({ renumbering: 'error', egisso: 'idle' });
    expect(await storedFiles()).toEqual([FILES.erul.name]);
    await journal.close();

    // a stored line the journal no longer holds (written by hand here) is shown at first, then replaced
    // in the same opening by what the journal says
    await app.worker.evaluate(async (key) => {
      const local = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { recent: object[] }>>; set(v: object): Promise<void> } } } }).chrome.storage.local;
      const s = (await local.get(key))[key];
      await local.set({ [key]: { ...s, recent: [{ ...s.recent[0], id: 999_999, fileName: 'удалённый_Иванов.json' }, ...s.recent] } });
    }, KEY);
    const stale = await app.context.newPage();
    await stale.goto(extensionPage(app, 'popup.html'));
    await expect.poll(() => stale.evaluate(() => window.__sverkaPopup?.cardsCounted !== undefined), { timeout: 30_000 }).toBe(true);
    expect(await stale.locator('.recent-check .file-name').allTextContents()).toEqual([FILES.erul.name]);
    await stale.close();
    // the popup's own recount wrote the journal's lines back
    await expect.poll(storedFiles, { timeout: 15_000 }).toEqual([FILES.erul.name]);

    const options = await app.context.newPage();
    await options.goto(extensionPage(app, 'options.html'));
    await options.getByRole('button', { name: 'Удалить все данные' }).click();
    await options.getByRole('button', { name: 'Да, удалить' }).click();
    await expect.poll(() => options.locator('main').textContent(), { timeout: 15_000 }).toContain('Удалено всё');
    await expect.poll(storedTones, { timeout: 15_000 }).toBeUndefined();
    expect(await storedFiles()).toBeUndefined();
    const after = await app.context.newPage();
    await after.goto(extensionPage(app, 'popup.html'));
    await expect.poll(() => after.locator('.card.empty').count(), { timeout: 15_000 }).toBe(1);
    expect(await after.locator('[data-card]').count()).toBe(0);
    await options.close();
    await after.close();
  });
});
