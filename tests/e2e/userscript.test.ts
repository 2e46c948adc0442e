/**
 * Issue 15 end to end: the BUILT userscript in real Chromium (no userscript manager: a GM_* shim, see
 * userscript-harness.ts) on fixture portal pages served on the real hostnames. The same scenarios as the
 * extension's in-page tests — «Проверить» → verdict, a file the page builds (blob:) → verdict, the report with
 * its letter and XLSX in an overlay, files dropped on the overlay — plus: the journal in GM storage holds no
 * ФИО/СНИЛС, and a 30 MB file keeps the page responsive (a requestAnimationFrame loop keeps ticking). The check
 * at the file picker (issue 11) runs the extension's own watch and verdict code through the userscript's host:
 * ТОР КНД import task, ЕГИССО supplier cabinet (upload card rendered late, drop area), ЕРУЛ on a host added to
 * `@match` by hand (several files, form post); the fixture server sees every upload request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { zipSync } from 'fflate';
import { read, utils } from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { generatedFixture, pageFixture, startPortalServer, type PortalServer } from './harness';
import { gmStorage, launchWithUserscript, pressMenu, PRODUCTION_USERSCRIPT, type UserscriptBrowser } from './userscript-harness';
import { buildUserscript } from '../../scripts/build-userscript';
import { cancelAtQuestion, chosenFile, dropFile, erulSeveralFilesOneWrong, postsTo, uploadQuestion, uploadVerdictOf } from './upload-steps';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNBOUND_NAME = 'Перечень сообщений по своему и дочерним ЛКО без тематик УРОГ.xlsx';
const JOURNAL_KEY = 'sverka-journal-v1';
const BIG_BYTES = 30 * 1024 * 1024;
const ORG = 'Министерство транспорта и дорожной инфраструктуры Московской области';
const INN = '7707083893';
const ERUL_HOST = 'erul.test-region.ru';

let server: PortalServer;
let us: UserscriptBrowser;

function bigImportResult(): Uint8Array {
  const parts: string[] = ['['];
  let size = 1;
  for (let i = 0; size < BIG_BYTES; i++) {
    const line = `${i ? ',' : ''}\n  {"licenseNumber": "Л041-00110-77/${String(i).padStart(8, '0')}", "status": "success", "message": ""}`;
    parts.push(line);
    size += Buffer.byteLength(line);
  }
  parts.push('\n]\n');
  return new TextEncoder().encode(parts.join(''));
}

beforeAll(async () => {
  // built here so a test never runs an old build; scripts/test-all.sh builds both itself (SVERKA_SKIP_BUILD=1)
  if (!process.env.SVERKA_SKIP_BUILD) {
    await buildUserscript('e2e');
    await buildUserscript('production');
  }
  server = await startPortalServer();
  const html = 'text/html; charset=utf-8';
  const tasks = pageFixture('tor-knd-service-tasks.html');
  server.serve('tor.knd.gov.ru', '/service-tasks', { body: tasks, type: html });
  // a portal whose Content Security Policy refuses workers: checks then run in the page, in slices
  server.serve('tor.knd.gov.ru', '/service-tasks-no-workers', { body: tasks, type: html, headers: { 'content-security-policy': "worker-src 'none'" } });
  const damaged = zipSync({ 'export_1041.json': new TextEncoder().encode('[' + '{"licenseNumber": "Л041-00110-77/00012345"},'.repeat(200) + '{}]') });
  damaged[80] ^= 0xff;
  damaged[90] ^= 0x55;
  server.serve('tor.knd.gov.ru', '/api/tasks/1041/result/export_1041.zip', { body: damaged, type: 'application/zip', attachment: 'export_1041.zip' });
  server.serve('tor.knd.gov.ru', '/api/tasks/1060/result-data', { body: '{"report": {"note": "не файл портала"}}', type: 'application/json' });
  // the same page with one more task whose result is a 30 MB file
  const bigRow = '<tr class="x7f2a-row"><td>2000</td><td>Загрузка присвоенных номеров лицензий из ЕРУЛ</td><td>Выполнена</td><td>22.11.2026 11:00</td>' +
    '<td><a class="x3d-link" href="/api/tasks/2000/result/import_result_2000.json">import_result_2000.json</a></td></tr>';
  server.serve('tor.knd.gov.ru', '/service-tasks-big', { body: tasks.replace('</tbody>', `${bigRow}</tbody>`), type: html });
  server.serve('tor.knd.gov.ru', '/api/tasks/2000/result/import_result_2000.json', { body: bigImportResult(), type: 'application/json', attachment: 'import_result_2000.json' });
  server.serve('tor.knd.gov.ru', '/service-tasks/new', { body: pageFixture('tor-knd-import-task.html'), type: html });
  server.serve('tor.knd.gov.ru', '/service-tasks/new-no-workers', { body: pageFixture('tor-knd-import-task.html'), type: html, headers: { 'content-security-policy': "worker-src 'none'" } });
  server.serve('lk.egisso.ru', '/supplier/packages', { body: pageFixture('egisso-cabinet-upload.html'), type: html });
  server.serve(ERUL_HOST, '/renumbering', { body: pageFixture('erul-renumbering-upload.html'), type: html });
  server.serve(ERUL_HOST, '/api/renumbering/upload', { body: '<!doctype html><html lang="ru"><meta charset="utf-8"><h2>Файлы приняты</h2></html>', type: html });
  server.serve('pos.gosuslugi.ru', '/admin/lko/sstu', { body: pageFixture('pos-sstu-section.html'), type: html });
  server.serve('pos.gosuslugi.ru', '/api/sstu/report/unbound', { body: await generatedFixture('sstu/unbound-tree.xlsx'), type: XLSX_MIME, attachment: UNBOUND_NAME });
  us = await launchWithUserscript(server.port);
}, 180_000);

afterAll(async () => {
  await us?.close();
  await server?.close();
});

const overlay = (page: Page) => page.locator('sverka-overlay').getByRole('dialog');

async function journalLines(page: Page): Promise<{ file: string; verdict: string; headline: string; url?: string; via?: string }[]> {
  const raw = (await gmStorage(page))[JOURNAL_KEY];
  return raw ? (JSON.parse(raw) as { lines: { file: string; verdict: string; headline: string }[] }).lines : [];
}

const posts = (path: string) => postsTo(server, path);
const question = uploadQuestion;

describe('the Сверка userscript in Chromium without a userscript manager', () => {
  it('«Проверить» beside a file link checks it in the page, turns into the verdict and opens the report in the overlay', async () => {
    const page = await us.context.newPage();
    await page.goto('https://tor.knd.gov.ru/service-tasks');
    await expect.poll(() => page.locator('sverka-badge').count()).toBeGreaterThanOrEqual(2);
    const row = page.locator('tr', { hasText: 'export_1041.zip' });
    await row.getByRole('button', { name: 'Сверка: проверить этот файл' }).click();
    const badge = row.locator('button[data-verdict]');
    await expect.poll(() => badge.count(), { timeout: 30_000 }).toBe(1);
    expect(await badge.getAttribute('data-verdict')).toBe('error');
    expect(await badge.textContent()).toBe('Нужно действие');
    const panel = page.locator('sverka-panel').locator('.panel');
    await expect.poll(() => panel.getAttribute('data-verdict')).toBe('error');
    expect(await panel.textContent()).toContain('export_1041.zip');

    await badge.click();
    const report = overlay(page).locator('section.report');
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.textContent()).toContain('export_1041.zip');
    expect(await report.textContent()).toContain('повреждён');
    await overlay(page).getByRole('button', { name: 'Закрыть окно Сверки' }).click();
    expect(await page.locator('sverka-overlay').count()).toBe(0);

    // the verdict is remembered: a new visit shows the badge at once, and the journal line says why
    await page.reload();
    const again = page.locator('tr', { hasText: 'export_1041.zip' }).locator('button[data-verdict]');
    await expect.poll(() => again.getAttribute('data-verdict')).toBe('error');
    const lines = await journalLines(page);
    expect(lines[0]).toMatchObject({ file: 'export_1041.zip', verdict: 'error', url: 'https://tor.knd.gov.ru/api/tasks/1041/result/export_1041.zip' });
    // after a reload the full report is gone (never stored); the overlay says so and shows the line
    await again.click();
    await expect.poll(() => overlay(page).textContent()).toContain('Полный отчёт хранится, только пока открыта страница');
    expect(await overlay(page).locator('.recent-check').count()).toBe(1);
    await page.close();
  });

  it('checks a file the page builds itself (blob: link, revoked at once) and shows the verdict in the panel', async () => {
    const page = await us.context.newPage();
    await page.goto('https://tor.knd.gov.ru/service-tasks');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Скачать результат' }).click();
    await download;
    const panel = page.locator('sverka-panel').locator('.panel');
    await expect.poll(() => panel.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('warn');
    expect(await panel.textContent()).toContain('import_result_1060.json');
    expect(await panel.textContent()).toContain('не один из файлов');
    await panel.getByRole('button', { name: 'Открыть отчёт' }).click();
    await expect.poll(() => overlay(page).locator('section.report').getAttribute('data-verdict')).toBe('warn');
    await page.close();
  });

  it('opens the ССТУ.РФ report in the overlay with its table, XLSX export and the letter to the ПОС support', async () => {
    const page = await us.context.newPage();
    await page.goto('https://pos.gosuslugi.ru/admin/lko/sstu');
    const row = page.locator('li', { hasText: 'без тематик УРОГ' });
    await row.getByRole('button', { name: 'Сверка: проверить этот файл' }).click();
    const badge = row.locator('button[data-verdict]');
    await expect.poll(() => badge.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('error');
    await badge.click();
    const dialog = overlay(page);
    await expect.poll(() => dialog.locator('section.report').getAttribute('data-kind')).toBe('sstu-unbound-topics');
    expect(await dialog.getByTestId('summary-table').locator('tbody tr').count()).toBe(3);

    const letter = dialog.getByRole('region', { name: 'Письмо в поддержку Оператора ПОС' });
    await expect.poll(() => letter.getByTestId('letter-to').textContent()).toBe('sd@sc.digital.gov.ru');
    const body = await letter.getByTestId('letter-body').inputValue();
    expect(body).toContain('Отсутствует привязка факта «Ямы на дороге» подкатегории «Ремонт дорог» к классификатору УРОГ.');
    // no options page in a userscript: the letter says what to fill in by hand
    expect(await letter.getByTestId('letter-problems').count()).toBe(1);

    const before = (await journalLines(page)).length;
    const xdl = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Скачать XLSX' }).click();
    const xlsx = await xdl;
    expect(xlsx.suggestedFilename()).toMatch(/тематики без УРОГ\.xlsx$/);
    const wb = read(new Uint8Array(await (await xlsx.createReadStream()).toArray().then((c) => Buffer.concat(c))));
    const sheet = utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 });
    expect(sheet[0]).toEqual(['Категория обращения', 'Подкатегория обращения', 'Факт обращения', 'Сообщений', 'ЛКО']);
    // our own export is not taken for a file the portal built
    await page.waitForTimeout(500);
    expect((await journalLines(page)).length).toBe(before);

    // the organisation entered once in the userscript's own form goes into the letter
    await pressMenu(page, 'Сверка: данные организации для писем');
    await dialog.getByLabel('Название организации').fill(ORG);
    await dialog.getByLabel('ИНН').fill(INN);
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Сохранено');
    expect(JSON.parse((await gmStorage(page))['sverka-profile-v1'])).toEqual({ orgName: ORG, inn: INN, ogrn: '' });
    await dialog.getByRole('button', { name: 'Закрыть окно Сверки' }).click();
    await badge.click();
    await expect.poll(() => letter.getByTestId('letter-body').inputValue()).toContain(`1) ${ORG}.`);
    expect(await letter.getByTestId('letter-body').inputValue()).toContain(`2) ИНН ${INN}.`);
    expect(await letter.getByTestId('letter-problems').count()).toBe(0);
    await page.close();
  });

  it('checks files dropped on the overlay; the GM journal keeps only short lines without ФИО or СНИЛС; purge empties it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sverka-us-'));
    const personal = join(dir, 'Иванов Иван Иванович 112-233-445 95.xml');
    writeFileSync(personal, await generatedFixture('egisso/data-package-10.06.S.xml'));
    const empty = join(dir, 'пустой.json');
    writeFileSync(empty, '');
    const page = await us.context.newPage();
    await page.goto('https://tor.knd.gov.ru/service-tasks');
    await pressMenu(page, 'Сверка: проверить файлы');
    await overlay(page).locator('#file-picker').setInputFiles([personal, empty]);
    await expect.poll(() => overlay(page).locator('section.report').count(), { timeout: 30_000 }).toBe(2);
    // the report on screen names the file as it is (text only, in the page)…
    expect(await overlay(page).locator('section.report', { hasText: 'пустой.json' }).textContent()).toContain('Файл пустой');
    expect(await overlay(page).textContent()).toContain('Иванов Иван Иванович');

    // …the journal does not: file name, kind, verdict, headline and time only
    const storage = await gmStorage(page);
    const stored = JSON.stringify(storage);
    expect(stored).not.toMatch(/Иванов|Иван Иванович|112-233-445|11223344595/);
    const lines = await journalLines(page);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(lines[0]).sort()).toEqual(expect.arrayContaining(['at', 'file', 'headline', 'id', 'kind', 'verdict']));
    expect(Object.keys(storage)).toEqual([JOURNAL_KEY]);

    await pressMenu(page, 'Сверка: последние проверки');
    await expect.poll(() => overlay(page).locator('.recent-check').count()).toBe(lines.length);
    page.once('dialog', (d) => void d.accept());
    await pressMenu(page, 'Удалить данные Сверки');
    await expect.poll(() => overlay(page).textContent()).toContain('удалены');
    expect(await gmStorage(page)).toEqual({});
    await page.close();
  });

  it('a 30 MB file is checked in a worker while the page keeps drawing frames, with progress shown', async () => {
    const page = await us.context.newPage();
    const modes: string[] = [];
    page.on('console', (m) => {
      if (m.text().startsWith('Сверка:')) modes.push(m.text());
    });
    await page.goto('https://tor.knd.gov.ru/service-tasks-big');
    const row = page.locator('tr', { hasText: 'import_result_2000.json' });
    await row.getByRole('button', { name: 'Сверка: проверить этот файл' }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __ticking: boolean };
      w.__frames = [];
      w.__ticking = true;
      const tick = (t: number) => {
        w.__frames.push(t);
        if (w.__ticking) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const started = Date.now();
    await row.getByRole('button', { name: 'Сверка: проверить этот файл' }).click();
    await expect.poll(() => page.locator('sverka-panel').locator('progress').count(), { timeout: 20_000 }).toBe(1);
    const badge = row.locator('button[data-verdict]');
    await expect.poll(() => badge.count(), { timeout: 120_000, interval: 500 }).toBe(1);
    const took = Date.now() - started;
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __ticking: boolean };
      w.__ticking = false;
      return w.__frames;
    });
    const gaps = frames.slice(1).map((t, i) => t - frames[i]);
    const longest = Math.max(...gaps);
    console.log(`30 MB check: ${took} ms, ${frames.length} frames, longest gap ${Math.round(longest)} ms`);
    // 374,000 licences in one file: over the 200 that ЕРУЛ accepts per file
    expect(await badge.getAttribute('data-verdict')).toBe('error');
    expect(await page.locator('sverka-panel').locator('.panel').textContent()).toContain('в 1 файле');
    expect(modes.some((m) => m.includes('в фоновом потоке'))).toBe(true);
    // a frozen page draws no frame for the whole check; a responsive one keeps drawing
    expect(frames.length).toBeGreaterThan(took / 100);
    expect(longest).toBeLessThan(Math.max(1500, took / 4));
    await page.close();
  });

  it('where the page refuses workers (CSP), the check runs in the page in slices and still gives the verdict', async () => {
    const page = await us.context.newPage();
    const notes: string[] = [];
    page.on('console', (m) => {
      if (m.text().startsWith('Сверка:')) notes.push(m.text());
    });
    await page.goto('https://tor.knd.gov.ru/service-tasks-no-workers');
    const row = page.locator('tr', { hasText: 'export_1041.zip' });
    await row.getByRole('button', { name: 'Сверка: проверить этот файл' }).click();
    await expect.poll(() => row.locator('button[data-verdict]').getAttribute('data-verdict'), { timeout: 30_000 }).toBe('error');
    expect(notes.some((n) => n.includes('на странице частями'))).toBe(true);
    expect(notes.some((n) => n.includes('в фоновом потоке'))).toBe(false);
    await page.close();
  });

  it('the shipped userscript keeps its in-page UI in closed shadow roots', async () => {
    const shipped = await launchWithUserscript(server.port, PRODUCTION_USERSCRIPT);
    try {
      const page = await shipped.context.newPage();
      await page.goto('https://tor.knd.gov.ru/service-tasks');
      await expect.poll(() => page.evaluate(() => document.querySelectorAll('sverka-badge').length)).toBeGreaterThanOrEqual(2);
      expect(await page.evaluate(() => [...document.querySelectorAll('sverka-badge')].filter((b) => b.shadowRoot !== null).length)).toBe(0);
    } finally {
      await shipped.close();
    }
  });
});

describe('the userscript checks a file at a portal file picker before it is sent', () => {
  it('ТОР КНД import: a sound ЕРУЛ result is «можно загружать», checked in the worker, sent without a question, kept in the GM journal as an upload', async () => {
    const page = await us.context.newPage();
    const modes: string[] = [];
    page.on('console', (m) => {
      if (m.text().startsWith('Сверка:')) modes.push(m.text());
    });
    await page.goto('https://tor.knd.gov.ru/service-tasks/new');
    const before = posts('/api/service-tasks/import').length;
    await page.locator('#x2c-file').setInputFiles(await chosenFile('renumbering/erul-clean.json'));
    const v = await uploadVerdictOf(page, 'erul-clean.json');
    expect(v.verdict).toBe('ok');
    expect(v.text).toContain('Файл в порядке — можно загружать');
    expect(modes.some((m) => m.includes('erul-clean.json проверен в фоновом потоке'))).toBe(true);
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect.poll(() => posts('/api/service-tasks/import').length).toBe(before + 1);
    expect(await question(page).count()).toBe(0);
    expect(posts('/api/service-tasks/import').at(-1)!.body.includes('erul-clean.json')).toBe(true);
    expect(await page.locator('#x2c-status').textContent()).toBe('Задача создана');
    expect((await journalLines(page))[0]).toMatchObject({ file: 'erul-clean.json', verdict: 'ok', via: 'upload', url: 'https://tor.knd.gov.ru/service-tasks/new' });
    await page.close();
  });

  it('ТОР КНД import: a result with errors asks once, «Отменить» sends nothing; a file of the wrong kind is sent exactly once after «Всё равно загрузить»', async () => {
    const page = await us.context.newPage();
    await page.goto('https://tor.knd.gov.ru/service-tasks/new');
    const before = posts('/api/service-tasks/import').length;
    const input = page.locator('#x2c-file');
    const send = page.getByRole('button', { name: 'Загрузить', exact: true });
    await input.setInputFiles(await chosenFile('renumbering/erul-mixed.json'));
    const bad = await uploadVerdictOf(page, 'erul-mixed.json');
    expect(bad.verdict).toBe('error');
    expect(bad.text).toContain('нужно обращение в поддержку ТОР КНД');
    // the full report opens in the userscript's overlay
    await page.locator('sverka-upload').getByRole('button', { name: 'Открыть полный отчёт' }).click();
    await expect.poll(() => overlay(page).locator('section.report').getAttribute('data-kind')).toBe('erul-renumbering-result');
    await overlay(page).getByRole('button', { name: 'Закрыть окно Сверки' }).click();

    await cancelAtQuestion(page, () => send.click(), 'erul-mixed.json', () => posts('/api/service-tasks/import').length);
    expect(posts('/api/service-tasks/import').length).toBe(before);
    expect(await page.locator('#x2c-status').textContent()).toBe('');
    // never a second question for the same file: the next press is the portal's own
    await send.click();
    await expect.poll(() => posts('/api/service-tasks/import').length).toBe(before + 1);
    expect(await question(page).count()).toBe(0);

    await input.setInputFiles(await chosenFile('egisso/ok-all-accepted.xml'));
    const wrong = await uploadVerdictOf(page, 'ok-all-accepted.xml');
    expect(wrong.verdict).toBe('error');
    expect(wrong.text).toContain('Это протокол обработки, а здесь ждут результат ЕРУЛ');
    await send.click();
    await expect.poll(() => question(page).count()).toBe(1);
    expect(await question(page).textContent()).toContain('Это протокол обработки, а здесь ждут результат ЕРУЛ');
    expect(posts('/api/service-tasks/import').length).toBe(before + 1);
    await question(page).getByRole('button', { name: 'Всё равно загрузить' }).click();
    await expect.poll(() => posts('/api/service-tasks/import').length).toBe(before + 2);
    await page.waitForTimeout(500);
    expect(posts('/api/service-tasks/import').length).toBe(before + 2);
    expect(posts('/api/service-tasks/import').at(-1)!.body.includes('ok-all-accepted.xml')).toBe(true);
    await page.close();
  });

  it('where the page refuses workers (CSP), the file chosen for upload is checked in the page in slices and still held for the question', async () => {
    const page = await us.context.newPage();
    const notes: string[] = [];
    page.on('console', (m) => {
      if (m.text().startsWith('Сверка:')) notes.push(m.text());
    });
    await page.goto('https://tor.knd.gov.ru/service-tasks/new-no-workers');
    const before = posts('/api/service-tasks/import').length;
    await page.locator('#x2c-file').setInputFiles(await chosenFile('renumbering/erul-truncated.json'));
    expect((await uploadVerdictOf(page, 'erul-truncated.json')).verdict).toBe('error');
    expect(notes.some((n) => n.includes('erul-truncated.json проверен на странице частями'))).toBe(true);
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect.poll(() => question(page).count()).toBe(1);
    await question(page).getByRole('button', { name: 'Всё равно загрузить' }).click();
    await expect.poll(() => posts('/api/service-tasks/import').length).toBe(before + 1);
    await page.close();
  });

  it('ЕГИССО cabinet: a valid package in the input the app renders late is «можно загружать»; a protocol dropped on the drop area is the wrong kind and «Отменить» sends nothing', async () => {
    const page = await us.context.newPage();
    await page.goto('https://lk.egisso.ru/supplier/packages');
    const before = posts('/api/supplier/packages').length;
    const input = page.locator('app-root input[type=file]');
    await input.waitFor({ state: 'attached' });
    await input.setInputFiles(await chosenFile('egisso/package-10.06.S-1.1.0-valid.xml'));
    expect((await uploadVerdictOf(page, 'package-10.06.S-1.1.0-valid.xml')).text).toContain('Файл в порядке — можно загружать');
    await page.getByRole('button', { name: 'Отправить пакет' }).click();
    await expect.poll(() => posts('/api/supplier/packages').length).toBe(before + 1);
    expect(await question(page).count()).toBe(0);

    await dropFile(page, 'app-root .file-drop-zone', 'protocol.xml', await generatedFixture('egisso/ok-all-accepted.xml'));
    const v = await uploadVerdictOf(page, 'protocol.xml');
    expect(v.verdict).toBe('error');
    expect(v.text).toContain('Это протокол обработки, а здесь ждут пакет для ЕГИССО');
    await page.getByRole('button', { name: 'Отправить пакет' }).click();
    await expect.poll(() => question(page).count()).toBe(1);
    await question(page).getByRole('button', { name: 'Отменить' }).click();
    await page.waitForTimeout(500);
    expect(posts('/api/supplier/packages').length).toBe(before + 1);
    await page.close();
  });

  it('ЕРУЛ on a host added to @match by hand: one verdict per file, an ЕРУЛ result is the wrong kind, «Всё равно загрузить» posts the form once', async () => {
    const page = await us.context.newPage();
    await erulSeveralFilesOneWrong(page, server, ERUL_HOST);
    await page.close();
  });
});
