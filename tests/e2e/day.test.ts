/**
 * Issue 14, the official's day in real Chromium with the built extension: a «Проверить» whose fetch fails
 * turns into «Не удалось — повторить» and the retry works; the in-page panel keeps one line per file; the
 * journal's «Подробно» opens beside its row with the focus, Escape returns it; the journal pages beyond 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { extensionPage, launchWithExtension, startPortalServer, type Launched, type PortalServer } from './harness';

let server: PortalServer;
let app: Launched;
const tmp = mkdtempSync(join(tmpdir(), 'sverka-day-'));
const HTML = 'text/html; charset=utf-8';

function portalPage(links: { path: string; name: string }[]): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>ССТУ.РФ</title></head><body><h1>Отчёты ССТУ.РФ</h1><ul>${links
    .map((l) => `<li><a href="${l.path}" download="${l.name}">${l.name}</a></li>`)
    .join('')}</ul></body></html>`;
}

beforeAll(async () => {
  server = await startPortalServer();
  app = await launchWithExtension(server.port);
});

afterAll(async () => {
  await app?.close();
  await server?.close();
});

describe('«Проверить» that cannot fetch the file', () => {
  it('turns into «Не удалось — повторить» with a matching name, keeps one panel line per file, and the retry works', async () => {
    const broken = { path: '/reports/archive-404.zip', name: 'Архив за ноябрь.zip' };
    const other = { path: '/reports/status.xls', name: 'Статус выгрузки.xls' };
    server.serve('pos.gosuslugi.ru', '/day/reports', { body: portalPage([broken, other]), type: HTML });
    server.serve('pos.gosuslugi.ru', other.path, { body: Buffer.from('\u00d0\u00cf\u0011\u00e0 обрыв', 'latin1'), type: 'application/vnd.ms-excel', attachment: other.name });
    const page = await app.context.newPage();
    await page.goto('https://pos.gosuslugi.ru/day/reports');
    const row = page.locator('li', { hasText: broken.name });
    const check = page.getByRole('button', { name: 'Сверка: проверить этот файл' });
    await expect.poll(() => check.count(), { timeout: 10_000 }).toBe(2);
    await row.getByRole('button', { name: 'Сверка: проверить этот файл' }).click();

    const retry = row.getByRole('button', { name: 'Не удалось — повторить' });
    await expect.poll(() => retry.count(), { timeout: 15_000 }).toBe(1);
    expect((await retry.textContent())?.trim()).toBe('Не удалось — повторить');
    // the accessible name contains the visible words (no label-content-name-mismatch)
    expect((await retry.getAttribute('aria-label'))?.toLowerCase()).toContain('не удалось — повторить');
    const panel = page.locator('sverka-panel').locator('.panel');
    await expect.poll(() => panel.getAttribute('data-verdict')).toBe('failed');
    expect(await panel.textContent()).toContain(broken.name);

    // the next file's notice does not replace the failure: one line per file, newest first
    await page.locator('li', { hasText: other.name }).getByRole('button', { name: 'Сверка: проверить этот файл' }).click();
    const lines = panel.locator('li.line');
    await expect.poll(() => lines.count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => lines.first().getAttribute('data-state'), { timeout: 15_000 }).not.toBe('running');
    expect(await lines.first().textContent()).toContain(other.name);
    expect(await lines.nth(1).getAttribute('data-state')).toBe('failed');
    expect(await lines.nth(1).textContent()).toContain(broken.name);

    // the portal serves the file now: the retry checks it and the badge shows the verdict
    server.serve('pos.gosuslugi.ru', broken.path, { body: Buffer.from('PK\u0003\u0004 damaged'), type: 'application/zip', attachment: broken.name });
    await retry.click();
    const badge = row.locator('button[data-verdict]');
    await expect.poll(() => badge.count(), { timeout: 20_000 }).toBe(1);
    expect(await lines.count()).toBe(2);
    expect(await lines.first().textContent()).toContain(broken.name);
    expect(await lines.first().getAttribute('data-state')).not.toBe('failed');
    await page.close();
  });
});

describe('reminders', () => {
  type Chrome = { chrome: { notifications: { getAll(): Promise<Record<string, unknown>> }; action: { getBadgeText(d: object): Promise<string> } } };
  type Hook = { __sverkaTest: { runReminders(now: number): Promise<{ key: string }[]> } };
  const run = (now: number) => app.worker.evaluate((t) => (globalThis as unknown as Hook).__sverkaTest.runReminders(t).then((r) => r.map((x) => x.key)), now);
  const notifications = () => app.worker.evaluate(() => (globalThis as unknown as Chrome).chrome.notifications.getAll().then((o) => Object.keys(o)));

  it('creates one ССТУ.РФ notification on the 2nd of a month with an open period (clock injected), never twice that day; the badge shows the days left', async () => {
    const second = new Date(2027, 2, 2, 9, 30).getTime();
    expect(await run(second)).toEqual(['sstu:2027-02']);
    await expect.poll(async () => (await notifications()).filter((id) => id.includes('sstu:2027-02:2027-03-02'))).toHaveLength(1);
    // later the same day (an alarm, or a worker that started again): nothing new
    expect(await run(second + 5 * 60 * 60 * 1000)).toEqual([]);
    expect((await notifications()).filter((id) => id.includes('sstu:2027-02'))).toHaveLength(1);
    expect(await app.worker.evaluate(() => (globalThis as unknown as Chrome).chrome.action.getBadgeText({}))).toBe('4д');
    // the next day: one more
    expect(await run(second + 24 * 60 * 60 * 1000)).toEqual(['sstu:2027-02']);
    // after the window: none
    expect(await run(new Date(2027, 2, 6, 9).getTime())).toEqual([]);
  });
});

describe('report page batch', () => {
  it('starts with one line per file (verdict, headline, jump link), and the link takes the focus to that report', async () => {
    const names = ['первый.json', 'второй.json', 'третий.xml'];
    const files = names.map((n, i) => {
      const p = join(tmp, n);
      writeFileSync(p, i === 2 ? '<?xml version="1.0"?><root><a>1</a></root>' : `{"n": ${i}`);
      return p;
    });
    const page = await app.context.newPage();
    await page.goto(extensionPage(app, 'report.html'));
    await page.locator('#file-picker').setInputFiles(files);
    await expect.poll(() => page.locator('section.report').count(), { timeout: 20_000 }).toBe(3);
    const overview = page.getByRole('navigation', { name: 'Файлы этой проверки' });
    const items = overview.locator('li');
    expect(await items.count()).toBe(3);
    // the overview comes before the first report
    expect(await page.evaluate(() => {
      const nav = document.querySelector('nav.batch-overview');
      const first = document.querySelector('section.report');
      return !!nav && !!first && !!(nav.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
    })).toBe(true);
    for (const name of names) {
      const item = items.filter({ hasText: name });
      expect(await item.count()).toBe(1);
      expect(await item.locator('.verdict, [data-verdict], strong, span').count()).toBeGreaterThan(0);
    }
    await overview.getByRole('link', { name: 'третий.xml' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Отчёт о файле третий.xml');
    // inside a report, the next step never sends the official to «open the report»
    expect(await page.locator('section.report .next-action', { hasText: 'Откройте отчёт' }).count()).toBe(0);
    await page.close();
  });
});

describe('journal', () => {
  const entry = (i: number, at: number) => ({
    sha256: i.toString(16).padStart(64, '0'),
    fileName: `файл-${String(i).padStart(3, '0')}.json`,
    size: 10,
    portal: 'tor-knd',
    kind: 'unknown',
    verdict: 'warn',
    status: 'done',
    firstSeenAt: at,
    lastSeenAt: at,
    sightings: [{ at, fileName: `файл-${String(i).padStart(3, '0')}.json`, portal: 'tor-knd', via: 'download' }],
    report: { file: `файл-${String(i).padStart(3, '0')}.json`, kind: 'unknown', verdict: 'warn', summary: {}, findings: [{ severity: 'warn', code: 'unknown-kind', message: `Файл ${i} не похож ни на один известный вид.` }] },
    searchTerms: [`файл-${String(i).padStart(3, '0')}.json`],
  });

  it('imports 230 checks, pages beyond 200, opens «Подробно» beside its row with the focus, and Escape returns it', async () => {
    const now = Date.now();
    const checks = Array.from({ length: 230 }, (_, i) => entry(i + 1, now - (i + 1) * 60_000));
    const file = join(tmp, 'journal.json');
    writeFileSync(file, JSON.stringify({ format: 'sverka-journal', schemaVersion: 2, exportedAt: new Date().toISOString(), checks }));
    const page = await app.context.newPage();
    await page.goto(extensionPage(app, 'journal.html'));
    await page.locator('#journal-import').setInputFiles(file);
    const rows = page.locator('tr.journal-entry');
    await expect.poll(() => page.locator('.journal-message').textContent(), { timeout: 20_000 }).toContain('новых проверок — 230');
    // only the imported ones (other tests of this file checked files too)
    await page.locator('#journal-search').fill('файл-');
    await expect.poll(() => page.locator('.journal-total').textContent(), { timeout: 20_000 }).toContain('Найдено: 230');
    expect(await rows.count()).toBe(200);
    expect(await page.locator('.journal-total').textContent()).toBe('Найдено: 230, показаны 1–200.');
    const pager = page.getByRole('navigation', { name: 'Страницы журнала' });
    await pager.getByRole('button', { name: 'Дальше' }).click();
    await expect.poll(() => rows.count()).toBe(30);
    expect(await page.locator('.journal-total').textContent()).toBe('Найдено: 230, показаны 201–230.');
    expect(await rows.first().textContent()).toContain('файл-201.json');
    await pager.getByRole('button', { name: 'Назад' }).click();
    await expect.poll(() => rows.count()).toBe(200);

    // row 13: the detail opens right under it, in view, with the focus
    const row = rows.nth(12);
    const opener = row.getByRole('button', { name: 'Подробно' });
    await opener.click();
    const detail = page.locator('tr.journal-detail-row section.journal-detail');
    await expect.poll(() => detail.count()).toBe(1);
    expect(await page.evaluate(() => document.querySelector('tr.journal-entry:nth-of-type(13) + tr')?.classList.contains('journal-detail-row'))).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('journal-detail'))).toBe(true);
    expect(await detail.textContent()).toContain('файл-013.json');
    const box = await detail.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.y).toBeLessThan(viewport.height);
    expect(box!.y + Math.min(box!.height, 100)).toBeGreaterThan(0);
    expect(await opener.getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.press('Escape');
    await expect.poll(() => detail.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Подробно');
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-id'))).toBe(await row.getAttribute('data-id'));
    await page.close();
  });
});
