/**
 * Firefox ESR with the built firefox-mv2 package: only what differs by browser (MV2 background page, Xray
 * wrappers between page and content script, moz-extension pages, optional permissions), one browser start.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFixture, startPortalServer, type PortalServer } from '../harness';
import { firefoxDownload, launchFirefox, openExtensionPage, openPortalPage, waitFor, type FirefoxLaunched } from '../firefox-harness';

let server: PortalServer;
let ff: FirefoxLaunched;

beforeAll(async () => {
  server = await startPortalServer();
  server.serve('tor.knd.gov.ru', '/service-tasks', { body: pageFixture('tor-knd-service-tasks.html'), type: 'text/html; charset=utf-8' });
  server.serve('tor.knd.gov.ru', '/api/tasks/1057/result/import_result_1057.json', {
    body: '[\n  {"licenseNumber": "Л041-00110-77/00012345", "status": "success"},\n  {"licenseNumber": "Л041-0',
    type: 'application/json',
    attachment: 'import_result_1057.json',
  });
  server.serve('tor.knd.gov.ru', '/api/tasks/1060/result-data', { body: '{"report": {"note": "не файл портала"}}', type: 'application/json' });
  const damaged = zipSync({ 'export_1041.json': new TextEncoder().encode('[' + '{"licenseNumber": "Л041-00110-77/00012345"},'.repeat(200) + '{}]') });
  damaged[80] ^= 0xff;
  damaged[90] ^= 0x55;
  server.serve('tor.knd.gov.ru', '/api/tasks/1041/result/export_1041.zip', { body: damaged, type: 'application/zip', attachment: 'export_1041.zip' });
  ff = await launchFirefox(server.port);
}, 180_000);

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

/** Verdict and text of the popup's entry for a file, once it is no longer being checked. */
async function popupEntry(name: string): Promise<{ verdict: string | null; text: string }> {
  const popup = await openExtensionPage(ff, 'popup.html', '#app *');
  try {
    return await waitFor(
      () =>
        popup.evaluate((n) => {
          const item = [...document.querySelectorAll('.recent-check')].find((el) => el.textContent?.includes(n));
          return item ? { verdict: item.getAttribute('data-verdict'), text: item.textContent ?? '' } : null;
        }, name),
      (v) => v !== null && v.verdict !== null && !v.text.includes('Проверяется'),
      `popup entry for ${name}`,
    ) as { verdict: string | null; text: string };
  } finally {
    await popup.close();
  }
}

/** Text inside our in-page UI (open shadow roots in this build). */
function inPage(page: Page, selector: string): Promise<{ verdict: string | null; text: string }[]> {
  return page.evaluate((sel) => {
    const out: { verdict: string | null; text: string }[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll(sel)) out.push({ verdict: el.getAttribute('data-verdict'), text: el.textContent ?? '' });
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return out;
  }, selector);
}

describe('Firefox ESR with the built extension', () => {
  it('starts with an empty popup that tells a new user what to do', async () => {
    const popup = await openExtensionPage(ff, 'popup.html', '.empty');
    expect(await popup.$eval('.empty', (el) => el.textContent)).toContain('Проверок пока нет');
    await popup.close();
  });

  it('checks a file downloaded on the ТОР КНД page and shows it in the popup', async () => {
    const page = await openPortalPage(ff, 'https://tor.knd.gov.ru/service-tasks');
    await waitFor(() => page.evaluate(() => document.querySelectorAll('sverka-badge').length), (n) => n >= 2, 'badges beside file links');
    await page.click('a[href$="import_result_1057.json"]');
    expect((await firefoxDownload(ff, 'import_result_1057.json')).length).toBeGreaterThan(0);
    const entry = await popupEntry('import_result_1057.json');
    expect(entry.verdict).toBe('error');
    expect(entry.text).toContain('обрывается');
    expect(entry.text).toContain('ГИС ТОР КНД');
    await page.close();
  });

  it('captures a blob: download built in the page (page-world bytes copied in the isolated world)', async () => {
    const page = await openPortalPage(ff, 'https://tor.knd.gov.ru/service-tasks');
    await page.click('#blob-download');
    await firefoxDownload(ff, 'import_result_1060.json');
    const entry = await popupEntry('import_result_1060.json');
    expect(entry.verdict).toBe('warn');
    expect(entry.text).toContain('не один из файлов');
    await page.close();
  });

  it('«Проверить» beside an unchecked file link checks it and turns into the verdict', async () => {
    const page = await openPortalPage(ff, 'https://tor.knd.gov.ru/service-tasks');
    const button = async () =>
      page.evaluateHandle(() => {
        const row = [...document.querySelectorAll('tr')].find((tr) => tr.textContent?.includes('export_1041.zip'));
        for (const el of row?.querySelectorAll('*') ?? []) {
          const b = el.shadowRoot?.querySelector('button[aria-label="Сверка: проверить этот файл"]');
          if (b) return b as HTMLElement;
        }
        return null;
      });
    await waitFor(async () => (await button()).asElement() !== null, Boolean, '«Проверить» in the export_1041.zip row');
    await ((await button()).asElement() as ElementHandle<Element>).click();
    const verdict = await waitFor(
      () => inPage(page, 'button[data-verdict]').then((all) => all.filter((b) => b.text === 'Нужно действие')),
      (list) => list.length >= 1,
      'the badge turns into the verdict',
    );
    expect(verdict[0].verdict).toBe('error');
    await page.close();
  });

  it('reports files chosen on the report page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sverka-ff-drop-'));
    const empty = join(dir, 'пустой.json');
    writeFileSync(empty, '');
    const page = await openExtensionPage(ff, 'report.html', '#file-picker');
    const picker = await page.$('input#file-picker');
    await picker!.uploadFile(empty);
    const report = await waitFor(
      () => page.evaluate(() => [...document.querySelectorAll('section.report')].map((s) => ({ verdict: s.getAttribute('data-verdict'), text: s.textContent ?? '' }))),
      (r) => r.length === 1,
      'the report of the chosen file',
    );
    expect(report[0].verdict).toBe('error');
    expect(report[0].text).toContain('Файл пустой');
    await page.close();
  });

  it('options show each user host as the browser granted it', async () => {
    const options = await openExtensionPage(ff, 'options.html', '#orgName');
    await options.evaluate(async () => {
      const b = (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, Record<string, unknown>>>; set(v: object): Promise<void> } } } }).browser;
      const r = await b.storage.local.get('settings');
      await b.storage.local.set({ settings: { ...(r.settings ?? {}), userHosts: [{ portal: 'ecp-mis', host: 'ecp.egisso.ru' }, { portal: 'erul', host: 'erul.test-region.ru' }] } });
    });
    await options.close();
    const again = await openExtensionPage(ff, 'options.html', '[data-portal="erul"] li[data-host="erul.test-region.ru"]');
    const hosts = await waitFor(
      () => again.evaluate(() => [...document.querySelectorAll('li[data-host]')].map((li) => `${li.getAttribute('data-host')} ${li.getAttribute('data-granted')}`)),
      (list) => !list.some((l) => l.endsWith('null')),
      'granted state of every host',
    );
    expect(hosts).toContain('ecp.egisso.ru true');
    expect(hosts).toContain('erul.test-region.ru false');
    expect(hosts).toContain('tor.knd.gov.ru true');
    await again.close();
  });
});
