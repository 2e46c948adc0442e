import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { zipSync } from 'fflate';
import { extensionPage, journalCount, launchWithExtension, pageFixture, startPortalServer, type Launched, type PortalServer } from './harness';

let server: PortalServer;
let app: Launched;

beforeAll(async () => {
  server = await startPortalServer();
  server.serve('tor.knd.gov.ru', '/service-tasks', { body: pageFixture('tor-knd-service-tasks.html'), type: 'text/html; charset=utf-8' });
  // a result cut off mid-download: the official must hear what is wrong and where
  server.serve('tor.knd.gov.ru', '/api/tasks/1057/result/import_result_1057.json', {
    body: '[\n  {"licenseNumber": "Л041-00110-77/00012345", "status": "success"},\n  {"licenseNumber": "Л041-0',
    type: 'application/json',
    attachment: 'import_result_1057.json',
  });
  server.serve('tor.knd.gov.ru', '/api/tasks/1060/result-data', { body: '{"report": {"note": "не файл портала"}}', type: 'application/json' });
  // an archive whose only entry is damaged
  const damaged = zipSync({ 'export_1041.json': new TextEncoder().encode('[' + '{"licenseNumber": "Л041-00110-77/00012345"},'.repeat(200) + '{}]') });
  damaged[80] ^= 0xff;
  damaged[90] ^= 0x55;
  server.serve('tor.knd.gov.ru', '/api/tasks/1041/result/export_1041.zip', { body: damaged, type: 'application/zip', attachment: 'export_1041.zip' });
  app = await launchWithExtension(server.port);
});

afterAll(async () => {
  await app?.close();
  await server?.close();
});

describe('foundation in real Chromium with the built extension', () => {
  it('starts with an empty popup that tells a new user what to do', async () => {
    const popup = await app.context.newPage();
    await popup.goto(extensionPage(app, 'popup.html'));
    await expect.poll(() => popup.locator('.empty').textContent()).toContain('Проверок пока нет');
    await popup.close();
  });

  it('checks a file downloaded on the ТОР КНД page automatically and shows it in the popup', async () => {
    const page = await app.context.newPage();
    await page.goto('https://tor.knd.gov.ru/service-tasks');
    // the content script decorated the file links with «Проверить»
    await expect.poll(() => page.locator('sverka-badge').count()).toBeGreaterThanOrEqual(2);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'import_result_1057.json' }).click();
    await (await download).path();

    const popup = await app.context.newPage();
    await popup.goto(extensionPage(app, 'popup.html'));
    const item = popup.locator('.recent-check', { hasText: 'import_result_1057.json' });
    await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(1);
    // the entry may first show as still being checked; the open popup then updates by itself
    await expect.poll(() => item.getAttribute('data-verdict'), { timeout: 20_000 }).toBe('error');
    const text = await item.textContent();
    expect(text).toContain('Нужно действие');
    expect(text).toContain('обрывается');
    expect(text).toContain('ГИС ТОР КНД');
    await popup.close();

    // the in-page panel says the same, in the page's own tab
    await expect.poll(() => page.locator('sverka-panel').count(), { timeout: 10_000 }).toBe(1);
    await page.close();
  });

  it('captures a blob: download built in the page and checks it', async () => {
    const page = await app.context.newPage();
    await page.goto('https://tor.knd.gov.ru/service-tasks');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Скачать результат' }).click();
    await download;
    const popup = await app.context.newPage();
    await popup.goto(extensionPage(app, 'popup.html'));
    const item = popup.locator('.recent-check', { hasText: 'import_result_1060.json' });
    await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => item.getAttribute('data-verdict'), { timeout: 20_000 }).toBe('warn');
    expect(await item.textContent()).toContain('не один из файлов');
    await popup.close();
    await page.close();
  });

  it('reports files dropped on the report page, several at once, and keeps them in the journal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sverka-drop-'));
    const empty = join(dir, 'пустой.json');
    const junk = join(dir, 'мусор.json');
    writeFileSync(empty, '');
    writeFileSync(junk, Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x10, 0x11, 0x12, 0x13, 0x00, 0x00, 0x07]));
    const page = await app.context.newPage();
    await page.goto(extensionPage(app, 'report.html'));
    const before = await journalCount(page);
    await page.locator('#file-picker').setInputFiles([empty, junk]);
    await expect.poll(() => page.locator('section.report').count(), { timeout: 20_000 }).toBe(2);
    const emptyReport = page.locator('section.report', { hasText: 'пустой.json' });
    expect(await emptyReport.getAttribute('data-verdict')).toBe('error');
    expect(await emptyReport.textContent()).toContain('Файл пустой');
    const junkReport = page.locator('section.report', { hasText: 'мусор.json' });
    expect(await junkReport.textContent()).toContain('двоичные данные');
    expect(await journalCount(page)).toBe(before + 2);
    await page.close();
  });

  it('«Проверить» beside an unchecked file link checks it and turns into the verdict', async () => {
    const page = await app.context.newPage();
    await page.goto('https://tor.knd.gov.ru/service-tasks');
    const row = page.locator('tr', { hasText: 'export_1041.zip' });
    const button = row.getByRole('button', { name: 'Сверка: проверить этот файл' });
    await expect.poll(() => button.count()).toBe(1);
    await button.click();
    const badge = row.locator('button[data-verdict]');
    await expect.poll(() => badge.count(), { timeout: 20_000 }).toBe(1);
    expect(await badge.getAttribute('data-verdict')).toBe('error');
    expect(await badge.textContent()).toBe('Нужно действие');
    // clicking the badge opens the report in a new tab
    const opened = app.context.waitForEvent('page');
    await badge.click();
    const report = await opened;
    await report.waitForLoadState();
    expect(report.url()).toContain('/report.html?id=');
    await expect.poll(() => report.locator('section.report').textContent()).toContain('export_1041.zip');
    expect(await report.locator('section.report').textContent()).toContain('повреждён');
    await report.close();
    await page.close();
  });

  it('counts checks that need action on the toolbar badge', async () => {
    type Action = { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
    const [text, title] = await app.worker.evaluate(() => {
      const action = (globalThis as unknown as { chrome: { action: Action } }).chrome.action;
      return Promise.all([action.getBadgeText({}), action.getTitle({})]);
    });
    expect(Number(/требуют действия — (\d+)/.exec(title)?.[1])).toBeGreaterThanOrEqual(4);
    // from the 1st to the 5th of a month the badge counts the ССТУ.РФ days left instead (issue 14)
    if (/ССТУ\.РФ: /.test(title)) expect(text).toMatch(/^[1-5]д$/);
    else expect(Number(text)).toBeGreaterThanOrEqual(4);
  });
});
