/**
 * The check at the file picker (issue 11) in Firefox ESR with the built firefox-mv2 package: a file chosen at
 * the ТОР КНД import task, or at ССТУ.РФ on a host the official added, goes over the capture port (the File
 * itself: Firefox's ports clone Blobs) to the MV2 background page, which checks it in its own Worker; the
 * verdict appears beside the input and the portal's button asks first when the file has an error.
 * The fixture server sees the portal's upload request, so nothing is blocked silently.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedFixture, pageFixture, startPortalServer, type PortalServer } from '../harness';
import { FIREFOX_EXTENSION_DIR, launchFirefox, openExtensionPage, openPortalPage, waitFor, type FirefoxLaunched } from '../firefox-harness';
import { buildGrantingHosts } from '../granted-build';
import { bigArchive } from '../../../scripts/bench/sstu';
import { ALREADY, erulResultText, exportFileText, licenceNumbers } from '../../../scripts/fixtures/renumbering';

const TASK_URL = 'https://tor.knd.gov.ru/service-tasks/new';
const SSTU_HOST = 'xn--q1aade.xn--p1ai'; // ссту.рф
const IMPORT_PATH = '/api/service-tasks/import';

let server: PortalServer;
let ff: FirefoxLaunched;
let dir: string;
let granted: ReturnType<typeof buildGrantingHosts>;

/** A file on disk for the file chooser. */
function chosen(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sverka-ff-upload-'));
  server = await startPortalServer();
  server.serve('tor.knd.gov.ru', '/service-tasks/new', { body: pageFixture('tor-knd-import-task.html'), type: 'text/html; charset=utf-8' });
  server.serve(SSTU_HOST, '/upload', { body: pageFixture('sstu-rf-upload.html'), type: 'text/html; charset=utf-8' });
  server.serve(SSTU_HOST, '/upload/archive', { body: '<!doctype html><html lang="ru"><meta charset="utf-8"><h1>Архив принят</h1></html>', type: 'text/html; charset=utf-8' });
  // the official added ССТУ.РФ on the options page; the permission the prompt would give is in the manifest
  granted = buildGrantingHosts([SSTU_HOST], FIREFOX_EXTENSION_DIR);
  ff = await launchFirefox(server.port, granted.dir);
  const options = await openExtensionPage(ff, 'options.html', '#orgName');
  await options.evaluate(async (host) => {
    const b = (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, Record<string, unknown>>>; set(v: object): Promise<void> } } } }).browser;
    const r = await b.storage.local.get('settings');
    await b.storage.local.set({ settings: { ...(r.settings ?? {}), userHosts: [{ portal: 'sstu', host }] } });
  }, SSTU_HOST);
  // the background page registers the ССТУ.РФ script once it has read the new host
  await waitFor(
    () =>
      options.evaluate(async () => {
        const b = (globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }).browser;
        return (await b.scripting.getRegisteredContentScripts()).map((x) => x.id);
      }),
    (ids) => ids.includes('sverka-user-sstu'),
    'the ССТУ.РФ script registered',
  );
  await options.close();
}, 180_000);

afterAll(async () => {
  await ff?.close();
  await server?.close();
  granted?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const imports = () => server.received.filter((r) => r.method === 'POST' && r.path === IMPORT_PATH);

/** The verdict line beside the input for this file, once its check has finished (open shadow roots in this build). */
function verdictOf(page: Page, name: string): Promise<{ verdict: string; text: string }> {
  return waitFor(
    () =>
      page.evaluate((n) => {
        const li = document.querySelector('sverka-upload')?.shadowRoot?.querySelector(`li[data-file="${CSS.escape(n)}"]`);
        return { verdict: li?.getAttribute('data-verdict') ?? '', text: li?.textContent ?? '' };
      }, name),
    (v) => /^(ok|warn|error)$/.test(v.verdict),
    `verdict beside the input for ${name}`,
  );
}

/** The one question before the portal's button sends a file with an error: its text, or null when none is shown. */
function question(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('sverka-confirm')?.shadowRoot?.querySelector('[role="alertdialog"]')?.textContent ?? null);
}

async function answer(page: Page, button: string): Promise<void> {
  await page.evaluate((label) => {
    const ask = document.querySelector('sverka-confirm')?.shadowRoot?.querySelector('[role="alertdialog"]');
    const b = [...(ask?.querySelectorAll('button') ?? [])].find((el) => el.textContent?.trim() === label);
    if (!b) throw new Error(`no «${label}» in the question`);
    (b as HTMLButtonElement).click();
  }, button);
}

async function choose(page: Page, path: string, input = 'input#x2c-file'): Promise<void> {
  const element = (await page.$(input)) as ElementHandle<HTMLInputElement> | null;
  await element!.uploadFile(path);
}

const pressUpload = (page: Page) => page.click('#x2c-run');

describe('Firefox ESR: the check at the ТОР КНД import task', () => {
  it('a sound ЕРУЛ result: «Файл в порядке — можно загружать», and «Загрузить» sends it without a question', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => ({ ...licenceNumbers(i), error: '' }));
    const path = chosen('erul-ff-clean.json', erulResultText(rows, { oldKey: 'old_Number' }));
    const page = await openPortalPage(ff, TASK_URL);
    await choose(page, path);
    const v = await verdictOf(page, 'erul-ff-clean.json');
    expect(v.verdict).toBe('ok');
    expect(v.text).toContain('Файл в порядке — можно загружать');
    const before = imports().length;
    await pressUpload(page);
    await waitFor(async () => imports().length, (n) => n === before + 1, 'the portal sent the file');
    expect(await question(page)).toBeNull();
    expect(imports()[before].body.includes('erul-ff-clean.json')).toBe(true);
    await page.close();
  });

  it('a result with errors: the headline beside the input, then the question on «Загрузить»; «Отменить» sends nothing', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => {
      const n = licenceNumbers(i + 100);
      if (i >= 6 && i <= 8) return { old: n.old.replace(/\/.*$/, `/${String(4300 + i).padStart(8, '0')}`), new: '', error: ALREADY };
      if (i === 9) return { old: n.old, new: '', error: 'Лицензия не найдена в реестре лицензирующего органа' };
      return { ...n, error: '' };
    });
    const path = chosen('erul-ff-mixed.json', erulResultText(rows));
    const page = await openPortalPage(ff, TASK_URL);
    await choose(page, path);
    const v = await verdictOf(page, 'erul-ff-mixed.json');
    expect(v.verdict).toBe('error');
    expect(v.text).toContain('нужно обращение в поддержку ТОР КНД');
    // the report link follows once the journal has the check
    await waitFor(() => verdictOf(page, 'erul-ff-mixed.json'), (x) => x.text.includes('Открыть полный отчёт'), 'the report link');
    const before = imports().length;
    await pressUpload(page);
    const asked = await waitFor(() => question(page), (q) => q !== null, 'the question before upload');
    expect(asked).toContain('В файле «erul-ff-mixed.json» ошибка:');
    expect(asked).toContain('Всё равно загрузить');
    await answer(page, 'Отменить');
    await waitFor(() => question(page), (q) => q === null, 'the question closed');
    await new Promise((r) => setTimeout(r, 500));
    expect(imports().length).toBe(before);
    // never a second question for the same file: the next press is the portal's own
    await pressUpload(page);
    await waitFor(async () => imports().length, (n) => n === before + 1, 'the portal sent the file');
    expect(await question(page)).toBeNull();
    await page.close();
  });

  it('a file of the wrong kind is an error; «Всё равно загрузить» lets the portal send it exactly once', async () => {
    const path = chosen('export-ff.json', exportFileText([licenceNumbers(200).old, licenceNumbers(201).old]));
    const page = await openPortalPage(ff, TASK_URL);
    await choose(page, path);
    const v = await verdictOf(page, 'export-ff.json');
    expect(v.verdict).toBe('error');
    expect(v.text).toContain('а здесь ждут результат ЕРУЛ');
    const before = imports().length;
    await pressUpload(page);
    expect(await waitFor(() => question(page), (q) => q !== null, 'the question before upload')).toContain('а здесь ждут результат ЕРУЛ');
    await answer(page, 'Всё равно загрузить');
    await waitFor(async () => imports().length, (n) => n === before + 1, 'the portal sent the file');
    await new Promise((r) => setTimeout(r, 500));
    expect(imports().length).toBe(before + 1);
    await page.close();
  });
});

describe('Firefox ESR: the check at ССТУ.РФ (a host the official added)', () => {
  it('a 12 MB archive: «можно загружать»; a damaged one: error, the question, sent once after «Всё равно загрузить»', async () => {
    const big = join(dir, 'Файл_1.zip');
    await bigArchive(big, 12 * 1024 * 1024);
    const damaged = join(dir, 'Файл_2.zip');
    writeFileSync(damaged, await generatedFixture('sstu/damaged/Файл_2.zip'));
    const archives = () => server.received.filter((r) => r.method === 'POST' && r.path === '/upload/archive');
    const page = await openPortalPage(ff, `https://${SSTU_HOST}/upload`);
    await choose(page, big, '#archive');
    const good = await verdictOf(page, 'Файл_1.zip');
    expect(good.verdict).toBe('ok');
    expect(good.text).toContain('Файл в порядке — можно загружать');
    await choose(page, damaged, '#archive');
    const bad = await verdictOf(page, 'Файл_2.zip');
    expect(bad.verdict).toBe('error');
    expect(bad.text).toContain('1 повреждён');
    await page.click('input[type="submit"]');
    expect(await waitFor(() => question(page), (q) => q !== null, 'the question before upload')).toContain('Файл_2.zip');
    expect(archives()).toHaveLength(0);
    await answer(page, 'Всё равно загрузить');
    await waitFor(async () => archives().length, (n) => n === 1, 'the portal sent the archive');
    await page.close();
  }, 120_000);
});
