/**
 * A portal page is untrusted (issue 16): its scripts must not forge a verdict for another portal's file,
 * flood the journal, or read/press our in-page UI. Inputs: a plain ПОС page whose script posts our
 * page-capture message itself (no click) claiming a ТОР КНД file URL, then 20 such posts in a row; the
 * ТОР КНД service-tasks page with its real failing result file; the production build for closed roots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PRODUCTION_EXTENSION_DIR,
  extensionPage,
  journalCount,
  journalEntries,
  launchWithExtension,
  pageFixture,
  startPortalServer,
  type Launched,
  type PortalServer,
} from './harness';
import { CAPTURE_WINDOW_TAG } from '../../lib/capture-protocol';
import { PAGE_CAPTURES_PER_TAB_PER_MINUTE } from '../../platform/rate-limit';

const TOR_FILE = 'https://tor.knd.gov.ru/api/tasks/1057/result/import_result_1057.json';
const POS_PAGE = 'https://pos.gosuslugi.ru/admin/forged';
const html = 'text/html; charset=utf-8';

let server: PortalServer;
let app: Launched;

beforeAll(async () => {
  server = await startPortalServer();
  server.serve('tor.knd.gov.ru', '/service-tasks', { body: pageFixture('tor-knd-service-tasks.html'), type: html });
  server.serve('tor.knd.gov.ru', '/api/tasks/1057/result/import_result_1057.json', {
    body: '[\n  {"licenseNumber": "Л041-00110-77/00012345", "status": "success"},\n  {"licenseNumber": "Л041-0',
    type: 'application/json',
    attachment: 'import_result_1057.json',
  });
  server.serve('pos.gosuslugi.ru', '/admin/forged', { body: '<!doctype html><html lang="ru"><body><h1>ПОС</h1></body></html>', type: html });
  app = await launchWithExtension(server.port);
});

afterAll(async () => {
  await app?.close();
  await server?.close();
});

/** What a hostile script on the page does: post our capture message with whatever it likes. */
function forge(page: import('playwright-core').Page, count: number, startAt = 0) {
  return page.evaluate(
    ({ tag, file, count, startAt }) => {
      for (let i = startAt; i < startAt + count; i++) {
        const body = JSON.stringify([{ licenseNumber: 'Л041-00110-77/00012345', status: 'success', n: i }]);
        window.postMessage({ tag, name: 'import_result_1057.json', blob: new Blob([body], { type: 'application/json' }), sourceUrl: file }, location.origin);
      }
    },
    { tag: CAPTURE_WINDOW_TAG, file: TOR_FILE, count, startAt },
  );
}

async function journalSightings(app: Launched): Promise<{ sourceUrl?: string; via: string }[]> {
  const page = await app.context.newPage();
  await page.goto(extensionPage(app, 'popup.html'));
  const out = (await journalEntries(page)).flatMap((e) => e.sightings);
  await page.close();
  return out;
}

describe('a portal page cannot forge or read results', () => {
  it('a capture posted by a ПОС script is recorded with the ПОС page’s own URL and never vouches for the ТОР КНД file', async () => {
    const pos = await app.context.newPage();
    await pos.goto(POS_PAGE);
    await expect.poll(() => pos.evaluate(() => document.readyState)).toBe('complete');
    await new Promise((r) => setTimeout(r, 1000)); // the isolated content script runs at document_idle
    await forge(pos, 1);
    // the page's own panel shows the verdict of what its script posted (text only, in our shadow root)
    await expect.poll(() => pos.evaluate(() => document.querySelector('sverka-panel')?.shadowRoot?.textContent ?? ''), { timeout: 30_000 }).toContain('import_result_1057.json');
    await expect.poll(async () => (await journalSightings(app)).filter((s) => s.via === 'page').length, { timeout: 30_000 }).toBe(1);
    const [captured] = (await journalSightings(app)).filter((s) => s.via === 'page');
    expect(captured.sourceUrl).toBe(POS_PAGE);

    // the real ТОР КНД page: beside the (failing) result file there is no verdict, only «Проверить»
    const tor = await app.context.newPage();
    await tor.goto('https://tor.knd.gov.ru/service-tasks');
    const row = tor.locator('tr', { hasText: 'import_result_1057.json' });
    await expect.poll(() => row.getByRole('button', { name: 'Сверка: проверить этот файл' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await row.locator('button[data-verdict]').count()).toBe(0);

    // once the extension fetched the file itself, its own verdict shows
    await row.getByRole('button', { name: 'Сверка: проверить этот файл' }).click();
    await expect.poll(() => row.locator('button[data-verdict]').getAttribute('data-verdict'), { timeout: 30_000 }).toBe('error');
    await tor.close();
    await pos.close();
  });

  it('a flood of page captures is cut off after a dozen a minute', async () => {
    const pos = await app.context.newPage();
    await pos.goto(POS_PAGE);
    await new Promise((r) => setTimeout(r, 1000));
    const probe = await app.context.newPage();
    await probe.goto(extensionPage(app, 'popup.html'));
    const before = await journalCount(probe);
    await forge(pos, 20, 100);
    await expect.poll(async () => (await journalCount(probe)) - before, { timeout: 30_000 }).toBeGreaterThanOrEqual(PAGE_CAPTURES_PER_TAB_PER_MINUTE);
    await new Promise((r) => setTimeout(r, 3000));
    const added = (await journalCount(probe)) - before;
    // 20 were posted; a dozen from this tab are taken up, the rest refused
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThanOrEqual(PAGE_CAPTURES_PER_TAB_PER_MINUTE);
    const sightings = (await journalSightings(app)).filter((x) => x.via === 'page');
    expect(sightings.length).toBeGreaterThanOrEqual(PAGE_CAPTURES_PER_TAB_PER_MINUTE);
    for (const s of sightings) expect(s.sourceUrl).toBe(POS_PAGE);
    await probe.close();
    await pos.close();
  });
});

describe('the production build keeps its in-page UI out of the page’s reach', () => {
  it('the page sees our badge hosts but not their shadow roots (the test build opens them)', async () => {
    const open = await app.context.newPage();
    await open.goto('https://tor.knd.gov.ru/service-tasks');
    await expect.poll(() => open.locator('sverka-badge').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(await open.evaluate(() => document.querySelector('sverka-badge')?.shadowRoot !== null)).toBe(true);
    await open.close();

    const prod = await launchWithExtension(server.port, undefined, PRODUCTION_EXTENSION_DIR);
    try {
      const page = await prod.context.newPage();
      await page.goto('https://tor.knd.gov.ru/service-tasks');
      await expect.poll(() => page.evaluate(() => document.querySelectorAll('sverka-badge').length), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      const reach = await page.evaluate(() => {
        const hosts = [...document.querySelectorAll('sverka-badge, sverka-panel')];
        // a script's click on the host never reaches the button inside
        for (const h of hosts) (h as HTMLElement).click();
        return { roots: hosts.filter((h) => h.shadowRoot !== null).length, text: hosts.map((h) => h.textContent).join('') };
      });
      expect(reach).toEqual({ roots: 0, text: '' });
      await new Promise((r) => setTimeout(r, 1500));
      const probe = await prod.context.newPage();
      await probe.goto(`chrome-extension://${prod.extensionId}/popup.html`);
      expect(await journalCount(probe)).toBe(0);
    } finally {
      await prod.close();
    }
  });
});
