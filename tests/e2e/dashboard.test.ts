/**
 * Dashboard, journal and settings in real Chromium with the built extension: downloads on portal pages
 * change the popup cards; journal search, detail, delete, export (JSON, XLSX), purge and import round-trip;
 * live updates; options and an interrupted check across a browser restart of the same profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, GENERATED_DIR, extensionPage, journalCount, journalEntries, launchWithExtension, startPortalServer, type Launched, type PortalServer } from './harness';
import { heavyCodeIn, pageChunks } from '../unit/dashboard/bundle';
import { checkSource } from '../../lib/checks/registry';
import { bytesSource } from '../../lib/formats/source';
import type { Summary } from '../../lib/checks/report';

let server: PortalServer;
let app: Launched;
const tmp = mkdtempSync(join(tmpdir(), 'sverka-dash-'));

const FILES = {
  erul: { host: 'tor.knd.gov.ru', path: '/files/erul-mixed.json', name: 'erul-mixed.json', src: 'renumbering/erul-mixed.json', type: 'application/json' },
  egisso: { host: 'lk.egisso.ru', path: '/files/protocol-errors.xml', name: 'protocol-errors.xml', src: 'egisso/errors-recorderror-1.0.3.xml', type: 'application/xml' },
  sstu: { host: 'pos.gosuslugi.ru', path: '/files/status-mixed.xls', name: 'Статус выгрузки.xls', src: 'sstu/status-mixed.xls', type: 'application/vnd.ms-excel' },
  import: { host: 'tor.knd.gov.ru', path: '/files/import-ok.json', name: 'import-ok.json', src: 'renumbering/import-ok.json', type: 'application/json' },
} as const;
type FileKey = keyof typeof FILES;

function portalPage(links: { path: string; name: string }[]): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Портал</title></head><body><h1>Файлы</h1>${links
    .map((l) => `<p><a href="${l.path}">${l.name}</a></p>`)
    .join('')}</body></html>`;
}

/** What the checks say about each served file, computed here the same way the extension does. */
const expected = {} as Record<FileKey, Summary>;
const records = {} as Record<FileKey, string[]>;

beforeAll(async () => {
  for (const [key, f] of Object.entries(FILES) as [FileKey, (typeof FILES)[FileKey]][]) {
    const report = await checkSource(f.name, bytesSource(new Uint8Array(readFileSync(join(GENERATED_DIR, f.src)))));
    expected[key] = report.summary;
    records[key] = (report.records ?? []).map((r) => r.old);
  }
  server = await startPortalServer();
  for (const f of Object.values(FILES)) {
    server.serve(f.host, f.path, { body: readFileSync(join(GENERATED_DIR, f.src)), type: f.type, attachment: f.name });
  }
  for (const host of new Set(Object.values(FILES).map((f) => f.host))) {
    const links = Object.values(FILES).filter((f) => f.host === host);
    server.serve(host, '/dash', { body: portalPage(links), type: 'text/html; charset=utf-8' });
  }
  app = await launchWithExtension(server.port);
});

afterAll(async () => {
  await app?.close();
  await server?.close();
});

async function download(key: FileKey): Promise<void> {
  const f = FILES[key];
  const page = await app.context.newPage();
  await page.goto(`https://${f.host}/dash`);
  const dl = page.waitForEvent('download');
  await page.getByRole('link', { name: f.name }).click();
  await (await dl).path();
  await page.close();
}

async function openPopup(): Promise<Page> {
  const popup = await app.context.newPage();
  await popup.goto(extensionPage(app, 'popup.html'));
  return popup;
}

/** Downloads go to the harness's folder under their real names (CDP download behaviour). */
async function savedFile(name: string): Promise<string> {
  const path = join(app.downloadsDir, name);
  await expect.poll(() => existsSync(path) && statSync(path).size > 0, { timeout: 15_000 }).toBe(true);
  return path;
}

const card = (p: Page, id: string) => p.locator(`[data-card="${id}"]`);
const countIn = (p: Page, id: string, key: string) => card(p, id).locator(`[data-count="${key}"] dd`).textContent();

describe('popup cards, journal and settings in real Chromium', () => {
  it('the popup bundle carries no SheetJS, zip or XML code', () => {
    expect(heavyCodeIn(pageChunks(EXTENSION_DIR, 'popup.html'))).toEqual([]);
  });

  it('downloads on portal pages change the popup cards, and an open popup updates live', async () => {
    await download('erul');
    const popup = await openPopup();
    await expect.poll(() => card(popup, 'renumbering').getAttribute('data-tone'), { timeout: 20_000 }).toBe('error');
    expect(Number(expected.erul.failed)).toBeGreaterThan(0);
    expect(await countIn(popup, 'renumbering', 'renumbered')).toBe(String(expected.erul.renumbered));
    expect(await countIn(popup, 'renumbering', 'toFix')).toBe(String(Number(expected.erul.failed) + Number(expected.erul.pairingProblems)));
    expect(await card(popup, 'renumbering').textContent()).toContain('нужно обращение в поддержку ТОР КНД');
    expect(await card(popup, 'egisso').getAttribute('data-tone')).toBe('idle');
    expect(await card(popup, 'sstu').locator('h2').textContent()).toMatch(/^ССТУ\.РФ за [а-я]+ \d{4}$/);

    // the popup stays open: checks finished in the background appear in it without reload
    await download('egisso');
    await expect.poll(() => card(popup, 'egisso').getAttribute('data-tone'), { timeout: 20_000 }).toBe('error');
    expect(await countIn(popup, 'egisso', 'rejected')).toBe(String(expected.egisso.failedRecords));
    expect(await card(popup, 'egisso').textContent()).toContain('Код 019');
    await expect.poll(() => popup.locator('.recent-check', { hasText: 'protocol-errors.xml' }).count()).toBe(1);

    await download('sstu');
    await expect.poll(() => countIn(popup, 'sstu', 'blocks'), { timeout: 20_000 }).toBe('1');
    expect(await card(popup, 'sstu').getAttribute('data-tone')).toBe('error');
    expect(await card(popup, 'sstu').textContent()).toContain(`не выгрузили ${expected.sstu.notUploaded} ЛКО`);
    // marked closed by the user
    await card(popup, 'sstu').getByRole('button', { name: 'Отметить период закрытым' }).click();
    await expect.poll(() => card(popup, 'sstu').getAttribute('data-tone')).toBe('ok');
    expect(await card(popup, 'sstu').textContent()).toContain('Период закрыт (отмечено вами).');
    await card(popup, 'sstu').getByRole('button', { name: 'Снять отметку «период закрыт»' }).click();
    await expect.poll(() => card(popup, 'sstu').getAttribute('data-tone')).toBe('error');

    // the import result follows: licences move from «renumbered» to «imported»
    await download('import');
    await expect.poll(async () => Number(await countIn(popup, 'renumbering', 'imported')), { timeout: 20_000 }).toBeGreaterThan(0);
    await popup.close();
  });

  it('the journal searches by licence number, file name and verdict, shows a report and updates live', async () => {
    const page = await app.context.newPage();
    await page.goto(extensionPage(app, 'journal.html'));
    const rows = page.locator('tr.journal-entry');
    await expect.poll(() => rows.count()).toBe(4);

    const shared = records.erul.find((old) => records.import.includes(old));
    expect(shared).toBeTruthy();
    await page.locator('#journal-search').fill(shared!);
    await expect.poll(() => rows.count()).toBe(2); // the ЕРУЛ result and the ТОР КНД import both name it
    expect(await rows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('erul-mixed.json')]));
    await page.locator('#journal-search').fill('protocol');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('protocol-errors.xml');
    await page.locator('#journal-search').fill('');
    await page.locator('#journal-verdict').selectOption('error');
    await expect.poll(() => rows.count()).toBe(3);
    await page.locator('#journal-verdict').selectOption('');
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await page.locator('#journal-to').fill('2000-01-01');
    await expect.poll(() => page.locator('.journal-total').textContent()).toBe('Ничего не найдено.');
    await page.locator('#journal-to').fill(iso);
    await page.locator('#journal-from').fill(iso);
    await expect.poll(() => rows.count()).toBe(4);

    // detail: the report page's own view
    await rows.filter({ hasText: 'protocol-errors.xml' }).getByRole('button', { name: 'Подробно' }).click();
    const detail = page.locator('.journal-detail section.report');
    await expect.poll(() => detail.getAttribute('data-kind')).toBe('egisso-protocol');

    // live: a check finished in the background appears without reload
    server.serve('tor.knd.gov.ru', '/files/second.json', { body: '{"broken": ', type: 'application/json', attachment: 'второй.json' });
    server.serve('tor.knd.gov.ru', '/dash2', { body: portalPage([{ path: '/files/second.json', name: 'второй.json' }]), type: 'text/html; charset=utf-8' });
    const portal = await app.context.newPage();
    await portal.goto('https://tor.knd.gov.ru/dash2');
    const dl = portal.waitForEvent('download');
    await portal.getByRole('link', { name: 'второй.json' }).click();
    await (await dl).path();
    await portal.close();
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(5);

    // delete one
    const row = rows.filter({ hasText: 'второй.json' });
    await row.getByRole('button', { name: 'Удалить' }).click();
    await row.getByRole('button', { name: 'Да, удалить' }).click();
    await expect.poll(() => rows.count()).toBe(4);
    expect(await journalCount(page)).toBe(4);
    await page.close();
  });

  it('exports the journal (JSON with its schema version, XLSX), purges it and imports it back without duplicates', async () => {
    const page = await app.context.newPage();
    await page.goto(extensionPage(app, 'journal.html'));
    await expect.poll(() => page.locator('tr.journal-entry').count()).toBe(4);

    const jsonDl = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Выгрузить журнал (JSON)' }).click();
    const json = await jsonDl;
    expect(json.suggestedFilename()).toMatch(/^sverka-journal-\d{4}-\d{2}-\d{2}\.json$/);
    const exportPath = await savedFile(json.suggestedFilename());
    const exported = JSON.parse(readFileSync(exportPath, 'utf8')) as { format: string; schemaVersion: number; checks: { fileName: string; sightings: unknown[] }[] };
    expect(exported.format).toBe('sverka-journal');
    expect(exported.schemaVersion).toBe(2);
    expect(exported.checks.map((c) => c.fileName).sort()).toEqual(['erul-mixed.json', 'import-ok.json', 'protocol-errors.xml', 'Статус выгрузки.xls'].sort());

    const xlsxDl = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Выгрузить журнал (XLSX)' }).click();
    const xlsx = await xlsxDl;
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const xlsxPath = await savedFile(xlsx.suggestedFilename());
    expect(readFileSync(xlsxPath).subarray(0, 2).toString('latin1')).toBe('PK');

    // «Удалить все данные» in the options
    const options = await app.context.newPage();
    await options.goto(extensionPage(app, 'options.html'));
    await options.getByRole('button', { name: 'Удалить все данные' }).click();
    await options.getByRole('button', { name: 'Да, удалить' }).click();
    await expect.poll(() => options.locator('.saved').textContent()).toContain('Удалено всё');
    expect(await journalCount(options)).toBe(0);
    await options.close();
    await expect.poll(() => page.locator('.journal-total').textContent()).toBe('Ничего не найдено.');

    // import back in two windows at once: everything returns once, nothing is doubled or corrupted
    const second = await app.context.newPage();
    await second.goto(extensionPage(app, 'journal.html'));
    await expect.poll(() => second.locator('.journal-total').textContent()).toBe('Ничего не найдено.');
    await Promise.all([page.locator('#journal-import').setInputFiles(exportPath), second.locator('#journal-import').setInputFiles(exportPath)]);
    const messages = async () => [await page.locator('.journal-message').textContent(), await second.locator('.journal-message').textContent()].sort().join(' | ');
    await expect.poll(messages).toMatch(/новых проверок — 0.* \| .*новых проверок — 4|новых проверок — 4.* \| .*новых проверок — 0/);
    await expect.poll(() => page.locator('tr.journal-entry').count()).toBe(4);
    await expect.poll(() => second.locator('tr.journal-entry').count()).toBe(4);
    const sightings = (await journalEntries(second)).map((c) => c.sightings.length);
    expect(sightings).toHaveLength(4);
    expect(sightings.reduce((a, b) => a + b, 0)).toBe(exported.checks.reduce((a, c) => a + c.sightings.length, 0));
    await second.close();
    await page.locator('#journal-import').setInputFiles(exportPath);
    await expect.poll(() => page.locator('.journal-message').textContent()).toContain('новых проверок — 0');
    expect(await journalCount(page)).toBe(4);

    // a bad file: a clear message, nothing changes
    const bad = join(tmp, 'не журнал.json');
    writeFileSync(bad, '{"licences": [1, 2]}');
    await page.locator('#journal-import').setInputFiles(bad);
    await expect.poll(() => page.locator('.journal-message[role="alert"]').textContent()).toContain('не является выгрузкой журнала Сверки');
    expect(await journalCount(page)).toBe(4);

    // the popup cards come back from the imported data
    const popup = await openPopup();
    await expect.poll(() => card(popup, 'egisso').getAttribute('data-tone'), { timeout: 10_000 }).toBe('error');
    await popup.close();
    await page.close();
  });

  it('keeps options across a browser restart, and a check cut off by the restart is shown as interrupted', async () => {
    const options = await app.context.newPage();
    await options.goto(extensionPage(app, 'options.html'));
    await options.locator('#orgName').fill('Министерство проверки');
    await options.locator('#inn').fill('7707083893');
    await options.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => options.locator('.saved').textContent()).toBe('Настройки сохранены.');
    await options.locator('#auto-pos').uncheck();
    const storedAutoPos = () =>
      options.evaluate(() => {
        const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { autoCheck?: Record<string, boolean> }>> } } } }).chrome;
        return c.storage.local.get('settings').then((r) => r.settings?.autoCheck?.pos);
      });
    await expect.poll(storedAutoPos).toBe(false);
    // the granted permissions are what the page shows
    expect(await options.locator('[data-portal="tor-knd"] li[data-host="tor.knd.gov.ru"]').getAttribute('data-granted')).toBe('true');
    expect(await options.locator('[data-portal="ecp-mis"]').textContent()).toContain('Адрес не добавлен.');
    // a check that was running when the browser went away
    await options.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('sverka-journal');
          open.onsuccess = () => {
            const tx = open.result.transaction('checks', 'readwrite');
            const at = Date.now();
            tx.objectStore('checks').add({
              sha256: 'e'.repeat(64), fileName: 'Файл_1.zip', size: 1, portal: 'pos', kind: 'unknown', verdict: 'warn', status: 'running',
              firstSeenAt: at, lastSeenAt: at, sightings: [{ at, fileName: 'Файл_1.zip', portal: 'pos', via: 'page' }],
              report: { file: 'Файл_1.zip', kind: 'unknown', verdict: 'warn', summary: {}, findings: [] }, searchTerms: ['файл_1.zip'],
            });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await options.close();

    const profile = app.profileDir;
    await app.close(true);
    app = await launchWithExtension(server.port, profile);

    const again = await app.context.newPage();
    await again.goto(extensionPage(app, 'options.html'));
    await expect.poll(() => again.locator('#orgName').inputValue()).toBe('Министерство проверки');
    expect(await again.locator('#inn').inputValue()).toBe('7707083893');
    expect(await again.locator('#auto-pos').isChecked()).toBe(false);
    expect(await again.locator('#auto-tor-knd').isChecked()).toBe(true);
    await again.close();

    const popup = await openPopup();
    const cut = popup.locator('.recent-check', { hasText: 'Файл_1.zip' });
    await expect.poll(() => cut.getAttribute('data-verdict'), { timeout: 15_000 }).toBe('error');
    expect(await cut.textContent()).toContain('Проверка прервалась');
    expect(await popup.locator('.recent-check').count()).toBe(5);
    await popup.close();
  });

  it('registers our content scripts for a user host whose permission is granted, and only then', async () => {
    // The browser asks the official before granting a new host (a dialog a headless test cannot answer), so
    // the host here is one the manifest already grants (*.egisso.ru): the same path from settings to scripts.
    const options = await app.context.newPage();
    await options.goto(extensionPage(app, 'options.html'));
    const registered = () =>
      app.worker.evaluate(() =>
        (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; js?: string[] }[]> } } }).chrome.scripting
          .getRegisteredContentScripts()
          .then((list) => list.map((s) => `${s.id} ${(s.js ?? []).join(',')} ${(s.matches ?? []).join(',')}`).sort()),
      );
    const setHosts = (hosts: { portal: string; host: string }[]) =>
      options.evaluate((h) => {
        const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, Record<string, unknown>>>; set(v: object): Promise<void> } } } }).chrome;
        return c.storage.local.get('settings').then((r) => c.storage.local.set({ settings: { ...(r.settings ?? {}), userHosts: h } }));
      }, hosts);
    expect(await registered()).toEqual([]);
    await setHosts([{ portal: 'ecp-mis', host: 'ecp.egisso.ru' }, { portal: 'erul', host: 'erul.test-region.ru' }]);
    await expect.poll(registered, { timeout: 10_000 }).toEqual([
      'sverka-user-ecp-mis content-scripts/ecp-mis.js https://ecp.egisso.ru/*',
      'sverka-user-ecp-mis-capture content-scripts/capture-page.js https://ecp.egisso.ru/*',
    ]); // erul.test-region.ru: no permission granted, so nothing runs there
    // the options page shows the browser's truth for each host
    await options.reload();
    await expect.poll(() => options.locator('[data-portal="ecp-mis"] li[data-host="ecp.egisso.ru"]').getAttribute('data-granted')).toBe('true');
    expect(await options.locator('[data-portal="erul"] li[data-host="erul.test-region.ru"]').getAttribute('data-granted')).toBe('false');
    expect(await options.locator('[data-portal="erul"] li[data-host="erul.test-region.ru"]').textContent()).toContain('доступ не выдан');
    await setHosts([]);
    await expect.poll(registered, { timeout: 10_000 }).toEqual([]);
    await options.close();
  });
});
