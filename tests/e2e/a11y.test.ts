/**
 * axe-core (pinned devDependency) on every extension page and on the in-page UI of a portal page: 0 violations.
 * The in-page UI lives in shadow roots (open in the test build); axe walks open shadow roots itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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
});
