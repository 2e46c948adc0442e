/**
 * Issue 3 end to end, in Chromium with the built extension: an ЕРУЛ renumbering result downloaded on
 * tor.knd.gov.ru («Служебные задачи») gets a verdict badge and the panel; the popup card «Переприсвоение
 * лицензий» counts it; the report shows the counts, the table old → new filtered by state and searched by number,
 * exports the XLSX mapping, and carries the letter to kndsupport@voskhod.ru naming the failed licence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { read, utils } from '@e965/xlsx';
import type { Download, Page } from 'playwright-core';
import { FIXTURES_DIR } from '../../scripts/make-fixtures';
import { extensionPage, launchWithExtension, pageFixture, startPortalServer, type Launched, type PortalServer } from './harness';
import { generatedFixture, savedDownload, saveProfile } from './harness';

const RESULT = 'erul-mixed.json';
const ORG = 'Департамент лесного хозяйства Костромской области';
const FAILED = 'Л003-00119-44/001009';
const FAILED_TEXT = 'Лицензия не найдена в реестре лицензирующего органа';

let server: PortalServer;
let app: Launched;
let report: Page;

const fixture = generatedFixture;

beforeAll(async () => {
  server = await startPortalServer();
  server.serve('tor.knd.gov.ru', '/service-tasks', { body: pageFixture('tor-knd-erul-result.html'), type: 'text/html; charset=utf-8' });
  server.serve('tor.knd.gov.ru', '/service-tasks/import', {
    body: '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Служебные задачи</title></head><body><h1>Служебные задачи</h1><table><tbody>' +
      '<tr><td>1070</td><td>Загрузка присвоенных номеров лицензий из ЕРУЛ</td><td><a href="/api/tasks/1070/result/import-ok.json">import-ok.json</a></td></tr></tbody></table></body></html>',
    type: 'text/html; charset=utf-8',
  });
  server.serve('tor.knd.gov.ru', '/api/tasks/1070/result/import-ok.json', { body: await fixture('renumbering/import-ok.json'), type: 'application/json', attachment: 'import-ok.json' });
  server.serve('tor.knd.gov.ru', '/api/tasks/1063/result/erul-mixed.json', { body: await fixture(`renumbering/${RESULT}`), type: 'application/json', attachment: RESULT });
  app = await launchWithExtension(server.port);
  await saveProfile(app, { orgName: ORG });
}, 30_000);

afterAll(async () => {
  await app?.close();
  await server?.close();
});

const savedBytes = (download: Download) => savedDownload(app, download);

describe('licence renumbering: ЕРУЛ result on ТОР КНД', () => {
  it('a result downloaded on «Служебные задачи» gets a verdict badge beside its link and the panel', async () => {
    const page = await app.context.newPage();
    await page.goto('https://tor.knd.gov.ru/service-tasks');
    const row = page.locator('tr', { hasText: RESULT });
    await expect.poll(() => row.getByRole('button', { name: 'Сверка: проверить этот файл' }).count(), { timeout: 10_000 }).toBe(1);
    const dl = page.waitForEvent('download');
    await row.getByRole('link', { name: RESULT }).click();
    expect((await dl).suggestedFilename()).toBe(RESULT);

    const badge = row.locator('button[data-verdict]');
    await expect.poll(() => badge.count(), { timeout: 20_000 }).toBe(1);
    expect(await badge.getAttribute('data-verdict')).toBe('error');
    expect(await badge.textContent()).toBe('Нужно действие');
    expect(await row.getByRole('button', { name: 'Сверка: проверить этот файл' }).count()).toBe(0);
    const panel = page.locator('sverka-panel').locator('.panel');
    await expect.poll(() => panel.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('error');
    expect(await panel.textContent()).toContain(RESULT);

    // the badge opens the report (kept open for the next tests)
    const opened = app.context.waitForEvent('page');
    await badge.click();
    report = await opened;
    await report.waitForLoadState();
    expect(report.url()).toContain('/report.html?id=');
    await expect.poll(() => report.locator('section.report').getAttribute('data-kind'), { timeout: 10_000 }).toBe('erul-renumbering-result');
    expect(await report.locator('section.report').getAttribute('data-verdict')).toBe('error');
    await page.close();
  });

  it('the popup card «Переприсвоение лицензий» counts the licences and names the next step', async () => {
    const popup = await app.context.newPage();
    await popup.goto(extensionPage(app, 'popup.html'));
    const card = popup.locator('[data-card="renumbering"]');
    await expect.poll(() => card.getAttribute('data-tone'), { timeout: 10_000 }).toBe('error');
    expect(await card.locator('h2').textContent()).toBe('Переприсвоение лицензий');
    expect(await card.locator('[data-count="renumbered"] dd').textContent()).toBe('6');
    expect(await card.locator('[data-count="imported"] dd').textContent()).toBe('0');
    expect(await card.locator('[data-count="toFix"] dd').textContent()).toBe('1');
    expect(await card.textContent()).toContain('нужно обращение в поддержку ТОР КНД');
    const recent = popup.locator('.recent-check', { hasText: RESULT });
    await expect.poll(() => recent.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('error');
    await popup.close();
  });

  it('the report counts in plain Russian; the table filters by state and searches by number', async () => {
    const summary = await report.getByTestId('renumbering-summary').locator('p').allTextContents();
    expect(summary).toEqual([
      'Всего 10 лицензий.',
      'ЕРУЛ переприсвоил номера: 6; из них загружено в ТОР КНД — 0, ещё не загружено — 6.',
      'Уже были в ЕРУЛ (это не ошибка, делать ничего не нужно): 3.',
      'С ошибками — нужно обращение в службу поддержки ТОР КНД: 1.',
    ]);
    const table = report.getByRole('table', { name: 'Старый номер → новый номер' });
    expect(await table.locator('thead th').allTextContents()).toEqual(['Старый номер', 'Новый номер', 'Результат ЕРУЛ', 'Загрузка в ТОР КНД', 'Описание']);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(10);

    const filter = report.getByTestId('state-filter');
    await filter.selectOption('failed');
    await expect.poll(() => rows.count()).toBe(1);
    const failed = await rows.first().locator('td').allTextContents();
    expect(failed.slice(0, 4)).toEqual([FAILED, '—', 'ошибка', 'нет данных о загрузке']);
    expect(failed[4]).toContain('ошибка — нужно обращение в поддержку ТОР КНД.');
    expect(failed[4]).toContain(FAILED_TEXT);
    expect(await rows.first().getAttribute('class')).toBe('error');
    await filter.selectOption('alreadyInErul');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().locator('td').nth(4).textContent()).toContain('не критично');
    await filter.selectOption('');
    await expect.poll(() => rows.count()).toBe(10);

    const search = report.getByRole('searchbox');
    await search.fill('00388803');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('td').allTextContents()).toEqual(expect.arrayContaining(['Л003-00119-25/001003', 'Л003-00119-25/00388803', 'переприсвоен']));
    // a Latin «L» typed by the official still finds the Cyrillic «Л» numbers
    await search.fill('L023-00119-44');
    await expect.poll(() => rows.count()).toBe(2);
    expect((await rows.locator('td:first-child').allTextContents()).sort()).toEqual(['Л023-00119-44/001001', 'Л023-00119-44/001005']);
    await search.fill('Л999');
    await expect.poll(() => rows.count()).toBe(0);
    expect(await report.getByText('Ничего не найдено.').count()).toBe(1);
    await search.fill('');
    await expect.poll(() => rows.count()).toBe(10);
  });

  it('«Скачать XLSX» saves the mapping with the five columns', async () => {
    const xdl = report.waitForEvent('download');
    await report.getByTestId('export-xlsx').click();
    const xlsx = await xdl;
    expect(xlsx.suggestedFilename()).toMatch(/^переприсвоение-лицензий-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = read(await savedBytes(xlsx));
    const sheet = utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: '' });
    expect(sheet[0]).toEqual(['Старый номер', 'Новый номер', 'Результат ЕРУЛ', 'Загрузка в ТОР КНД', 'Описание']);
    expect(sheet).toHaveLength(11);
    const renumbered = sheet.find((r) => r[0] === 'Л003-00119-76/001000')!;
    expect(renumbered.slice(0, 4)).toEqual(['Л003-00119-76/001000', 'Л003-00119-76/00388800', 'переприсвоен', 'нет данных о загрузке']);
    expect(String(renumbered[4])).toContain('переприсвоено, не загружено в ТОР КНД');
    const failed = sheet.find((r) => r[0] === FAILED)!;
    expect(failed.slice(1, 3)).toEqual(['', 'ошибка']);
    expect(String(failed[4])).toContain(FAILED_TEXT);
    expect(sheet.filter((r) => r[2] === 'уже в ЕРУЛ')).toHaveLength(3);

    // filtered: the export follows the table
    await report.getByTestId('state-filter').selectOption('failed');
    await expect.poll(() => report.getByTestId('export-xlsx').textContent()).toBe('Скачать XLSX (1)');
    await report.getByTestId('state-filter').selectOption('');
  });

  it('the letter to kndsupport@voskhod.ru lists the failed licence with its error and reminds to attach the file', async () => {
    const letter = report.getByRole('region', { name: 'Письмо в поддержку ТОР КНД' });
    await expect.poll(() => letter.getByTestId('letter-to').textContent(), { timeout: 10_000 }).toBe('kndsupport@voskhod.ru');
    expect(await letter.getByTestId('letter-subject').textContent()).toBe(`Переприсвоение номеров лицензий в ЕРУЛ: ошибки — ${ORG}`);
    const body = await letter.getByTestId('letter-body').inputValue();
    expect(body).toContain(`${ORG} выполняет массовое переприсвоение номеров лицензий в ЕРУЛ`);
    expect(body).toContain(`«${RESULT}» — результат переприсвоения из ЕРУЛ: записей 10, переприсвоено 6, уже в ЕРУЛ 3, с ошибками 1`);
    expect(body).toContain('Лицензии с ошибками (1):');
    const line = body.split('\n').find((l) => l.startsWith('1. '));
    expect(line).toContain(FAILED);
    expect(line).toContain(FAILED_TEXT);
    // the «already in ЕРУЛ» licences are not errors and are not in the letter
    expect(body).not.toContain('Л003-00119-37/00004306');
    expect(await letter.getByTestId('letter-reminder').textContent()).toContain(`приложить к письму файл «${RESULT}»`);
    const mailto = (await letter.getByRole('link', { name: 'Открыть в почте' }).getAttribute('href'))!;
    expect(mailto.startsWith('mailto:kndsupport@voskhod.ru?')).toBe(true);
    const params = new URLSearchParams(mailto.slice(mailto.indexOf('?') + 1));
    expect(params.get('subject')).toBe(`Переприсвоение номеров лицензий в ЕРУЛ: ошибки — ${ORG}`);
    expect(params.get('body')).toContain(FAILED);
    expect(params.get('body')).toContain(FAILED_TEXT);
    await report.close();
  });

  it('the ТОР КНД import result follows: the card counts imported licences, and the report of both files shows each import state', async () => {
    const page = await app.context.newPage();
    await page.goto('https://tor.knd.gov.ru/service-tasks/import');
    const row = page.locator('tr', { hasText: 'import-ok.json' });
    await expect.poll(() => row.getByRole('button', { name: 'Сверка: проверить этот файл' }).count(), { timeout: 10_000 }).toBe(1);
    await row.getByRole('button', { name: 'Сверка: проверить этот файл' }).click();
    const badge = row.locator('button[data-verdict]');
    await expect.poll(() => badge.getAttribute('data-verdict'), { timeout: 20_000 }).toBe('ok');
    expect(await badge.textContent()).toBe('В порядке');
    await page.close();

    const popup = await app.context.newPage();
    await popup.goto(extensionPage(app, 'popup.html'));
    const card = popup.locator('[data-card="renumbering"]');
    await expect.poll(() => card.locator('[data-count="imported"] dd').textContent(), { timeout: 10_000 }).toBe('5');
    expect(await card.locator('[data-count="toFix"] dd').textContent()).toBe('1');
    await popup.close();

    // both files checked together on the report page: one table across them
    const both = await app.context.newPage();
    await both.goto(extensionPage(app, 'report.html'));
    await both.locator('#file-picker').setInputFiles([join(FIXTURES_DIR, 'renumbering', RESULT), join(FIXTURES_DIR, 'renumbering', 'import-ok.json')]);
    await expect.poll(() => both.locator('section.report').count(), { timeout: 20_000 }).toBe(2);
    const summary = both.getByTestId('renumbering-summary');
    await expect.poll(() => summary.locator('p').allTextContents()).toContain('ЕРУЛ переприсвоил номера: 6; из них загружено в ТОР КНД — 5, ещё не загружено — 1.');
    const rows = both.getByRole('table', { name: 'Старый номер → новый номер' }).locator('tbody tr');
    expect(await rows.count()).toBe(10);
    await both.getByTestId('state-filter').selectOption('imported');
    await expect.poll(() => rows.count()).toBe(5);
    expect(await rows.first().locator('td').nth(3).textContent()).toBe('загружен');
    await both.getByTestId('state-filter').selectOption('notImported');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('td').allTextContents()).toEqual([
      'Л023-00119-44/001005', 'Л023-00119-44/00388805', 'переприсвоен', 'нет данных о загрузке', expect.stringContaining('переприсвоено, не загружено в ТОР КНД'),
    ]);
    await both.close();
  });
});
