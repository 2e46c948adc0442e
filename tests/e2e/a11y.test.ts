/**
 * axe-core (pinned devDependency) on every extension page and on the in-page UI of a portal page: 0 violations.
 * The in-page UI lives in shadow roots (open in the test build); axe walks open shadow roots itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { extensionPage, launchWithExtension, startPortalServer, type Launched, type PortalServer } from './harness';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server: PortalServer;
let app: Launched;

beforeAll(async () => {
  server = await startPortalServer();
  app = await launchWithExtension(server.port);
});

afterAll(async () => {
  await app?.close();
  await server?.close();
});

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

/** Runs axe in the page (evaluate is not subject to the page's CSP) and lists what it found. */
async function violations(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (sel) => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 160) })) }));
  }, include ?? null);
  return found.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.html}`).join(' | ')}`);
}

describe('axe-core, 0 violations', () => {
  it.each(['popup.html', 'report.html', 'journal.html', 'options.html', 'checklists.html', 'forms.html'])('%s', async (name) => {
    const page = await app.context.newPage();
    await page.goto(extensionPage(app, name));
    await page.waitForLoadState('load');
    // the page as the official reads it, once its data is loaded
    await page.locator('main h1').first().waitFor({ timeout: 15_000 });
    // the popup's title is static: its data is in once the list, the cards or the «no checks yet» note is
    if (name === 'popup.html') await page.locator('#app .card').first().waitFor({ timeout: 15_000 });
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('the in-page badge and panel on a portal page', async () => {
    server.serve('pos.gosuslugi.ru', '/a11y', {
      body: '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>ССТУ.РФ</title></head><body><main><h1>Отчёты</h1><ul><li><a href="/a11y/missing.zip" download="Архив.zip">Архив.zip</a></li></ul></main></body></html>',
      type: 'text/html; charset=utf-8',
    });
    const page = await app.context.newPage();
    await page.goto('https://pos.gosuslugi.ru/a11y');
    const check = page.getByRole('button', { name: 'Сверка: проверить этот файл' });
    await expect.poll(() => check.count(), { timeout: 10_000 }).toBe(1);
    await check.click();
    await expect.poll(() => page.getByRole('button', { name: 'Не удалось — повторить' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.locator('sverka-panel').locator('.panel').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('popup.html with checks (the stored lines, the cards, the journal\'s list) and its keyboard way to a report', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sverka-a11y-')), 'Иванов_И_И.json');
    writeFileSync(file, '');
    const report = await app.context.newPage();
    await report.goto(extensionPage(app, 'report.html'));
    await report.locator('#file-picker').setInputFiles([file]);
    await expect.poll(() => report.locator('section.report').count(), { timeout: 20_000 }).toBe(1);
    await report.close();
    // the worker keeps the line in the stored summary
    await expect
      .poll(() => app.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { recent?: unknown[] }>> } } } }).chrome.storage.local.get('dashboardSummary').then((r) => r.dashboardSummary?.recent?.length ?? 0)), { timeout: 20_000 })
      .toBe(1);
    const popup = await app.context.newPage();
    await popup.goto(extensionPage(app, 'popup.html'));
    await popup.waitForFunction(() => window.__sverkaPopup?.cardsCounted !== undefined, undefined, { timeout: 30_000 });
    expect(await popup.locator('.recent-check .file-name').allTextContents()).toEqual(['Иванов_И_И.json']);
    expect(await violations(popup)).toEqual([]);
    // Tab reaches «Открыть отчёт»; Enter opens the report in a tab
    const open = popup.locator('.recent-check').getByRole('button', { name: 'Открыть отчёт' });
    for (let i = 0; i < 40 && !(await open.evaluate((b) => b === document.activeElement)); i++) await popup.keyboard.press('Tab');
    expect(await open.evaluate((b) => b === document.activeElement)).toBe(true);
    const opened = app.context.waitForEvent('page');
    // the popup closes itself once the tab is asked for (as the toolbar popup does)
    await popup.keyboard.press('Enter').catch(() => undefined);
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/\/report\.html\?id=\d+$/);
    await tab.close();
    if (!popup.isClosed()) await popup.close();
  });
});
