/**
 * Issue 4 end to end, in Chromium with the built extension, on the ПОС «ССТУ.РФ» section served on
 * pos.gosuslugi.ru: the warning beside an empty or malformed «Идентификатор органа в ССТУ.РФ», «Проверить» and
 * verdict badges beside the report files, the unbound-topics report with its error summary, XLSX export and the
 * letter to the ПОС operator's support; the popup card «ССТУ.РФ за <месяц>».
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, utils } from '@e965/xlsx';
import type { Download, Page } from 'playwright-core';
import { extensionPage, launchWithExtension, pageFixture, startPortalServer, type Launched, type PortalServer } from './harness';
import { generatedFixture, savedDownload, saveProfile } from './harness';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNBOUND_NAME = 'Перечень сообщений по своему и дочерним ЛКО без тематик УРОГ.xlsx';
const ORG = 'Министерство транспорта и дорожной инфраструктуры Московской области';
const INN = '7707083893';

let server: PortalServer;
let app: Launched;

/** Another test run may be regenerating the fixtures at this moment: retry briefly. */
const fixture = generatedFixture;

beforeAll(async () => {
  server = await startPortalServer();
  const html = 'text/html; charset=utf-8';
  server.serve('pos.gosuslugi.ru', '/admin/lko/sstu', { body: pageFixture('pos-sstu-section.html'), type: html });
  server.serve('pos.gosuslugi.ru', '/admin/child/sstu', { body: pageFixture('pos-sstu-section-no-id.html'), type: html });
  server.serve('pos.gosuslugi.ru', '/api/sstu/report/unbound', { body: await fixture('sstu/unbound-tree.xlsx'), type: XLSX_MIME, attachment: UNBOUND_NAME });
  server.serve('pos.gosuslugi.ru', '/api/sstu/report/lko-without-id', {
    body: await fixture('sstu/lko-without-id.xls'),
    type: 'application/vnd.ms-excel',
    attachment: 'Перечень дочерних ЛКО без идентификатора в ССТУ.РФ.xls',
  });
  app = await launchWithExtension(server.port);
  await saveProfile(app, { orgName: ORG, inn: INN });
}, 30_000);

afterAll(async () => {
  await app?.close();
  await server?.close();
});

/** Downloads land in the harness's folder under their real names (CDP download behaviour). */
const savedBytes = (download: Download) => savedDownload(app, download);

const warning = (page: Page) => page.locator('sverka-sstu-id').locator('[role="alert"]');

describe('ПОС «ССТУ.РФ» section', () => {
  it('warns beside an empty «Идентификатор органа в ССТУ.РФ», says when it is not a GUID, and goes away when it is', async () => {
    const page = await app.context.newPage();
    await page.goto('https://pos.gosuslugi.ru/admin/child/sstu');
    await expect.poll(() => warning(page).count(), { timeout: 10_000 }).toBe(1);
    expect(await warning(page).getAttribute('data-code')).toBe('sstu-id-empty');
    const empty = await warning(page).textContent();
    expect(empty).toContain('«Идентификатор органа в ССТУ.РФ» пустое');
    expect(empty).toContain('данные в ССТУ.РФ не выгрузить');
    // the warning sits right after the field, not somewhere else on the page
    expect(await page.evaluate(() => document.querySelector('sverka-sstu-id')?.previousElementSibling?.querySelector('input')?.placeholder)).toBe('Введите идентификатор');

    const input = page.getByPlaceholder('Введите идентификатор');
    await input.fill('b5f72b2f-13fd-4e6f-b119');
    await expect.poll(() => warning(page).getAttribute('data-code')).toBe('sstu-id-not-guid');
    expect(await warning(page).textContent()).toContain('«b5f72b2f-13fd-4e6f-b119» не похоже на идентификатор органа в ССТУ.РФ');
    await input.fill('b5f72b2f-13fd-4e6f-b119-456b9e1179f8');
    await expect.poll(() => warning(page).count()).toBe(0);
    await page.close();
  });

  it('shows no warning when the id is a GUID, and puts «Проверить» beside every report and archive', async () => {
    const page = await app.context.newPage();
    await page.goto('https://pos.gosuslugi.ru/admin/lko/sstu');
    const checks = page.getByRole('button', { name: 'Сверка: проверить этот файл' });
    // 3 reports, 3 archives, the error report
    await expect.poll(() => checks.count(), { timeout: 10_000 }).toBe(7);
    expect(await page.locator('sverka-sstu-id').count()).toBe(0);
    expect(await page.locator('li', { hasText: 'без тематик УРОГ' }).getByRole('button', { name: 'Сверка: проверить этот файл' }).count()).toBe(1);
    await page.close();
  });

  it('checks the unbound-topics report downloaded there: badge, panel, error summary, XLSX and the support letter', async () => {
    const page = await app.context.newPage();
    await page.goto('https://pos.gosuslugi.ru/admin/lko/sstu');
    const row = page.locator('li', { hasText: 'без тематик УРОГ' });
    await expect.poll(() => row.getByRole('button', { name: 'Сверка: проверить этот файл' }).count(), { timeout: 10_000 }).toBe(1);
    const dl = page.waitForEvent('download');
    await row.getByRole('link', { name: 'Скачать' }).click();
    expect((await dl).suggestedFilename()).toBe(UNBOUND_NAME);

    // the «Проверить» button turns into the verdict, and the panel says what was found
    const badge = row.locator('button[data-verdict]');
    await expect.poll(() => badge.count(), { timeout: 20_000 }).toBe(1);
    expect(await badge.getAttribute('data-verdict')).toBe('error');
    expect(await badge.textContent()).toBe('Нужно действие');
    const panel = page.locator('sverka-panel').locator('.panel');
    await expect.poll(() => panel.getAttribute('data-verdict'), { timeout: 10_000 }).toBe('error');
    expect(await panel.textContent()).toContain(UNBOUND_NAME);

    // the badge opens the report
    const opened = app.context.waitForEvent('page');
    await badge.click();
    const report = await opened;
    await report.waitForLoadState();
    expect(report.url()).toContain('/report.html?id=');
    const section = report.locator('section.report');
    await expect.poll(() => section.getAttribute('data-kind'), { timeout: 10_000 }).toBe('sstu-unbound-topics');
    expect(await section.getAttribute('data-verdict')).toBe('error');
    expect(await report.getByTestId('sstu-headline').textContent()).toContain('3 тематики без привязки к классификатору УРОГ, 5 сообщений');

    // the error summary: one row per distinct (category, subcategory, fact)
    const rows = report.getByTestId('summary-table').locator('tbody tr');
    expect(await rows.count()).toBe(3);
    const cells = async (i: number) => (await rows.nth(i).locator('td').allTextContents()).map((t) => t.trim());
    const byFact = new Map<string, string[]>();
    for (let i = 0; i < 3; i++) {
      const c = await cells(i);
      byFact.set(`${c[1]}/${c[2]}`, c);
    }
    const roads = byFact.get('Ремонт дорог/Ямы на дороге')!;
    expect(roads.slice(0, 4)).toEqual(['Дороги', 'Ремонт дорог', 'Ямы на дороге', '3']);
    expect(roads[4]).toContain('Администрация городского округа Котельники');
    expect(byFact.get('Отопление/—')?.slice(0, 4)).toEqual(['ЖКХ', 'Отопление', '—', '1']);
    expect(byFact.get('Тестовая подкатегория 1/Тестовый факт 1')?.[3]).toBe('1');

    // XLSX of the summary, read back with SheetJS
    const xdl = report.waitForEvent('download');
    await report.getByRole('button', { name: 'Скачать XLSX' }).click();
    const xlsx = await xdl;
    expect(xlsx.suggestedFilename()).toMatch(/тематики без УРОГ\.xlsx$/);
    const wb = read(await savedBytes(xlsx));
    const sheet = utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 });
    expect(sheet[0]).toEqual(['Категория обращения', 'Подкатегория обращения', 'Факт обращения', 'Сообщений', 'ЛКО']);
    expect(sheet).toHaveLength(4);
    const xRoads = sheet.find((r) => r[2] === 'Ямы на дороге')!;
    expect(xRoads.slice(0, 4)).toEqual(['Дороги', 'Ремонт дорог', 'Ямы на дороге', 3]);
    expect(String(xRoads[4])).toContain('Администрация городского округа Котельники');

    // the letter to sd@sc.digital.gov.ru with the instruction's four items
    const letter = report.getByRole('region', { name: 'Письмо в поддержку Оператора ПОС' });
    await expect.poll(() => letter.getByTestId('letter-to').textContent(), { timeout: 10_000 }).toBe('sd@sc.digital.gov.ru');
    const body = await letter.getByTestId('letter-body').inputValue();
    const lines = body.split('\n');
    expect(lines).toContain(`1) ${ORG}.`);
    expect(lines).toContain(`2) ИНН ${INN}.`);
    expect(lines).toContain('3) ПОС. Модуль сообщения.');
    expect(body).toContain('Отсутствует привязка факта «Ямы на дороге» подкатегории «Ремонт дорог» к классификатору УРОГ.');
    expect(body).toContain('Отсутствует привязка факта «Тестовый факт 1» подкатегории «Тестовая подкатегория 1» к классификатору УРОГ.');
    expect(body).toContain('Отсутствует привязка подкатегории «Отопление» к классификатору УРОГ.');
    expect(body.match(/Отсутствует привязка/g)).toHaveLength(3);
    expect(await letter.getByTestId('letter-problems').count()).toBe(0); // the profile is complete
    const mailto = (await letter.getByRole('link', { name: 'Открыть в почте' }).getAttribute('href'))!;
    expect(mailto.startsWith('mailto:sd@sc.digital.gov.ru?')).toBe(true);
    const params = new URLSearchParams(mailto.slice(mailto.indexOf('?') + 1));
    expect(params.get('subject')).toBe(await letter.getByTestId('letter-subject').textContent());
    expect(params.get('body')).toContain('Отсутствует привязка факта «Ямы на дороге» подкатегории «Ремонт дорог» к классификатору УРОГ.');
    expect(params.get('body')).toContain(`1) ${ORG}.`);
    await report.close();
    await page.close();
  });

  it('the popup card «ССТУ.РФ» says what blocks the upload and opens the letter', async () => {
    const popup = await app.context.newPage();
    await popup.goto(extensionPage(app, 'popup.html'));
    const card = popup.locator('[data-card="sstu"]');
    await expect.poll(() => card.getAttribute('data-tone'), { timeout: 10_000 }).toBe('error');
    expect(await card.locator('h2').textContent()).toMatch(/^ССТУ\.РФ за [а-я]+ \d{4}$/);
    expect(await card.locator('[data-count="blocks"] dd').textContent()).toBe('1');
    expect(await card.textContent()).toContain('3 тематики без привязки к УРОГ (5 сообщений) — нужно письмо в поддержку ПОС.');
    const opened = app.context.waitForEvent('page');
    await card.getByRole('button', { name: 'Открыть письмо' }).click();
    const report = await opened;
    await report.waitForLoadState();
    await expect.poll(() => report.getByTestId('letter-to').first().textContent(), { timeout: 10_000 }).toBe('sd@sc.digital.gov.ru');
    await report.close();
    await popup.close();
  });

  it('«Проверить» beside the list of children without an id checks it and names them in the report', async () => {
    const page = await app.context.newPage();
    await page.goto('https://pos.gosuslugi.ru/admin/lko/sstu');
    const row = page.locator('li', { hasText: 'без идентификатора в ССТУ.РФ' });
    const button = row.getByRole('button', { name: 'Сверка: проверить этот файл' });
    await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(1);
    await button.click();
    const badge = row.locator('button[data-verdict]');
    await expect.poll(() => badge.count(), { timeout: 20_000 }).toBe(1);
    expect(await badge.getAttribute('data-verdict')).toBe('error');
    const opened = app.context.waitForEvent('page');
    await badge.click();
    const report = await opened;
    await report.waitForLoadState();
    await expect.poll(() => report.locator('section.report').getAttribute('data-kind'), { timeout: 10_000 }).toBe('sstu-lko-without-id');
    expect(await report.getByTestId('lko-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await report.close();
    await page.close();
  });
});
