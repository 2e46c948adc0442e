/**
 * Issue 7 end to end, in Chromium with the built extension: the access-request form (Приложение 2) refuses a bad
 * СНИЛС beside the field and in the error list, then downloads an XLSX with the right cells once it is fixed;
 * procedure checklists tick steps themselves after a portal file is downloaded and checked, and keep manual ticks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, utils, type WorkBook } from '@e965/xlsx';
import type { Download, Page } from 'playwright-core';
import { extensionPage, launchWithExtension, pageFixture, startPortalServer, type Launched, type PortalServer } from './harness';
import { generatedFixture, savedDownload } from './harness';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: PortalServer;
let app: Launched;

/** Another test run may be swapping the generated fixtures in at this moment: retry briefly. */
const fixture = generatedFixture;

beforeAll(async () => {
  server = await startPortalServer();
  server.serve('tor.knd.gov.ru', '/service-tasks', { body: pageFixture('tor-knd-erul-result.html'), type: 'text/html; charset=utf-8' });
  server.serve('tor.knd.gov.ru', '/api/tasks/1063/result/erul-mixed.json', {
    body: await fixture('renumbering/erul-mixed.json'),
    type: 'application/json',
    attachment: 'erul-mixed.json',
  });
  server.serve('pos.gosuslugi.ru', '/sstu', { body: pageFixture('pos-sstu-status.html'), type: 'text/html; charset=utf-8' });
  server.serve('pos.gosuslugi.ru', '/api/sstu/status/status-ok.xlsx', {
    body: await fixture('sstu/status-ok.xlsx'),
    type: XLSX_MIME,
    attachment: 'status-ok.xlsx',
  });
  app = await launchWithExtension(server.port);
});

afterAll(async () => {
  await app?.close();
  await server?.close();
});

const USER = {
  name: 'Петрова Анна Сергеевна',
  position: 'Главный специалист-эксперт',
  phone: '8 912 345 67 89',
  email: 'petrova@region.ru',
};

async function fillForm(page: Page, snils: string): Promise<void> {
  await page.locator('#f-region').fill('Костромская область');
  await page.locator('#f-org-0-name').fill('Департамент лесного хозяйства Костромской области');
  await page.locator('#f-org-0-ogrn').fill('1027739591010');
  await page.locator('#f-org-0-service').fill('Лицензирование заготовки, хранения, переработки и реализации лома черных и цветных металлов');
  await page.locator('#f-org-0-headName').fill('Смирнов Олег Викторович');
  await page.locator('#f-org-0-headPosition').fill('Директор департамента');
  await page.locator('#f-user-0-name').fill(USER.name);
  await page.locator('#f-user-0-position').fill(USER.position);
  await page.locator('#f-user-0-snils').fill(snils);
  await page.locator('#f-user-0-phone').fill(USER.phone);
  await page.locator('#f-user-0-email').fill(USER.email);
  for (let i = 0; i < 3; i++) await page.locator(`#f-confirm-${i}`).check();
  await page.locator('#f-signer-position').fill('Директор департамента');
  await page.locator('#f-signer-name').fill('Смирнов Олег Викторович');
}

/** A download started by the click, or null when none comes within `ms`. */
async function downloadAfter(page: Page, click: () => Promise<void>, ms: number) {
  const waiting = page.waitForEvent('download', { timeout: ms }).catch(() => null);
  await click();
  return waiting;
}

/**
 * The harness saves downloads under their real names in `app.downloadsDir` (its CDP download behaviour takes over
 * from Playwright's artifacts folder), so the file is read from there once Chromium has finished writing it.
 */
const savedBytes = (download: Download) => savedDownload(app, download);

/** The СНИЛС of user 1 in the stored draft of Приложение 2 (browser.storage.local, key `formDrafts`). */
function storedDraftSnils(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    const got = await api.storage.local.get('formDrafts');
    const drafts = got.formDrafts as { '2'?: { request?: { users?: { snils?: string }[] } } } | undefined;
    return drafts?.['2']?.request?.users?.[0]?.snils ?? null;
  });
}

function cell(wb: WorkBook, sheet: string, address: string) {
  return wb.Sheets[sheet]?.[address] as { t: string; v: unknown } | undefined;
}

describe('access-request form (Приложение 2)', () => {
  it('shows a bad СНИЛС beside the field and in the error list, and downloads nothing', async () => {
    const page = await app.context.newPage();
    await page.goto(extensionPage(app, 'forms.html?appendix=2'));
    await page.locator('#f-region').waitFor();
    expect(await page.locator('#appendix-2').isChecked()).toBe(true);
    await fillForm(page, '112-233-445 96');

    const snils = page.locator('#f-user-0-snils');
    await expect.poll(() => snils.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-user-0-snils-msg').textContent()).toContain('Контрольное число СНИЛС не сходится');
    // the other fields, filled correctly, carry no error
    for (const id of ['#f-org-0-ogrn', '#f-user-0-phone', '#f-user-0-email', '#f-user-0-name', '#f-region']) {
      expect(await page.locator(id).getAttribute('aria-invalid'), id).toBe('false');
    }

    const download = await downloadAfter(page, () => page.getByRole('button', { name: 'Скачать XLSX' }).click(), 3_000);
    expect(download).toBeNull();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    const items = alert.locator('li');
    expect(await items.count()).toBe(1);
    const text = await items.first().textContent();
    expect(text).toContain('Пользователь 1, СНИЛС');
    expect(text).toContain('Контрольное число СНИЛС не сходится');
    // the error list takes the focus, and its link leads to the field
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await items.first().locator('a').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-user-0-snils');
    await page.close();
  });

  it('downloads an XLSX with the appendix tables once the СНИЛС is fixed, and prefills the e-mail', async () => {
    const page = await app.context.newPage();
    await page.goto(extensionPage(app, 'forms.html?appendix=2'));
    await page.locator('#f-region').waitFor();
    await fillForm(page, '112-233-445 96');
    await page.locator('#f-user-0-snils').fill('112-233-445 95');
    await page.locator('#f-user-0-phone').focus(); // leave the field
    await expect.poll(() => page.locator('#f-user-0-snils').getAttribute('aria-invalid')).toBe('false');
    expect(await page.locator('#f-user-0-snils-msg').textContent()).toBe('');

    const download = await downloadAfter(page, () => page.getByRole('button', { name: 'Скачать XLSX' }).click(), 15_000);
    expect(download).not.toBeNull();
    expect(download!.suggestedFilename()).toBe('Заявка_Приложение2_Костромская_область.xlsx');
    const wb = read(await savedBytes(download!), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['Заявка', 'Организации (КНО)', 'Пользователи']);

    const users = utils.sheet_to_json<unknown[]>(wb.Sheets['Пользователи'], { header: 1, raw: true });
    expect(users[0]).toEqual(['№ п/п', 'Фамилия, Имя Отчество', 'Должность', 'СНИЛС', 'Номер мобильного телефона', 'Адрес электронной почты']);
    expect(users).toHaveLength(2);
    // the phone is normalised to +7… and written as a plain text cell: no visible apostrophe, never a formula
    expect(users[1]).toEqual([1, USER.name, USER.position, '112-233-445 95', '+79123456789', USER.email]);
    expect(cell(wb, 'Пользователи', 'E2')?.t).toBe('s');

    // ОГРН as text, not as a number that a spreadsheet would round or reformat
    const ogrn = cell(wb, 'Организации (КНО)', 'B2');
    expect(ogrn?.t).toBe('s');
    expect(ogrn?.v).toBe('1027739591010');
    const request = utils.sheet_to_json<string[]>(wb.Sheets['Заявка'], { header: 1, raw: true });
    expect(request).toContainEqual(['Форма', 'Приложение 2']);
    expect(request).toContainEqual(['Наименование региона', 'Костромская область']);
    expect(request.filter((r) => r[1] === 'Да')).toHaveLength(3);
    expect(await page.locator('.status').textContent()).toContain('Заявка_Приложение2_Костромская_область.xlsx');

    const mailto = await page.getByRole('link', { name: 'Открыть в почтовой программе' }).getAttribute('href');
    expect(mailto).toMatch(/^mailto:kndsupport@voskhod\.ru\?subject=/);
    const body = decodeURIComponent(new URL(mailto!).searchParams.get('body') ?? '');
    expect(body).toContain('ОГРН 1027739591010');
    // personal data stay in the attached form, not in the e-mail
    expect(body).not.toContain('112-233-445');
    expect(body).not.toContain('9123456789');
    expect(body).not.toContain(USER.email);

    // the draft is saved a moment after the last change (closing the tab sooner loses that change)
    await expect.poll(() => storedDraftSnils(page), { timeout: 5_000 }).toBe('112-233-445 95');
    await page.close();
  });

  it('keeps the draft: a reopened form has the values typed before', async () => {
    const page = await app.context.newPage();
    await page.goto(extensionPage(app, 'forms.html?appendix=2'));
    await expect.poll(() => page.locator('.saved').textContent()).toContain('Открыт сохранённый черновик');
    expect(await page.locator('#f-user-0-snils').inputValue()).toBe('112-233-445 95');
    expect(await page.locator('#f-user-0-email').inputValue()).toBe(USER.email);
    expect(await page.locator('#f-confirm-2').isChecked()).toBe(true);
    await page.close();
  });
});

describe('procedure checklists', () => {
  async function downloadFrom(url: string, linkName: string | RegExp): Promise<void> {
    const portal = await app.context.newPage();
    await portal.goto(url);
    const download = portal.waitForEvent('download');
    await portal.getByRole('link', { name: linkName }).click();
    await (await download).path();
    await portal.close();
  }

  it('ticks «проверить файл» of the renumbering checklist after the ЕРУЛ result is downloaded on ТОР КНД', async () => {
    const page = await app.context.newPage();
    await page.goto(extensionPage(app, 'checklists.html?id=renumbering'));
    const step = page.locator('[data-step="s8-check"]');
    await step.waitFor();
    expect(await step.getAttribute('data-auto')).toBeNull();
    expect(await step.locator('input[type=checkbox]').isChecked()).toBe(false);
    const progressBefore = await page.locator('.checklist-progress').textContent();

    // the checklist stays open in its tab while the file is downloaded in another one
    await downloadFrom('https://tor.knd.gov.ru/service-tasks', 'erul-mixed.json');

    await expect.poll(() => step.getAttribute('data-auto'), { timeout: 20_000 }).toBe('done');
    const box = step.locator('input[type=checkbox]');
    expect(await box.isChecked()).toBe(true);
    expect(await box.isDisabled()).toBe(true);
    const auto = await step.locator('.step-auto').textContent();
    expect(auto).toContain('erul-mixed.json');
    expect(auto).toContain('Отмечено автоматически');
    expect(auto).toContain('10 записей');
    // «получить файл» ticks too, and the count of done steps grows
    expect(await page.locator('[data-step="s8"]').getAttribute('data-auto')).toBe('done');
    expect(await page.locator('.checklist-progress').textContent()).not.toBe(progressBefore);
    await page.close();
  });

  it('ticks «закрыть отчетный период» of the ССТУ.РФ tree checklist after the status report is downloaded on ПОС', async () => {
    const page = await app.context.newPage();
    await page.goto(extensionPage(app, 'checklists.html?id=sstu-tree-manual'));
    const close = page.locator('[data-step="close"]');
    await close.waitFor();
    expect(await close.getAttribute('data-auto')).toBeNull();

    await downloadFrom('https://pos.gosuslugi.ru/sstu', /Статус выгрузки и загрузки данных/);

    await expect.poll(() => close.getAttribute('data-auto'), { timeout: 20_000 }).toBe('done');
    expect(await close.locator('input[type=checkbox]').isChecked()).toBe(true);
    expect(await close.locator('input[type=checkbox]').isDisabled()).toBe(true);
    const auto = await close.locator('.step-auto').textContent();
    expect(auto).toContain('status-ok.xlsx');
    expect(auto).toContain('отчетный период закрыт');
    const tree = page.locator('[data-step="tree-status"]');
    expect(await tree.getAttribute('data-auto')).toBe('done');
    expect(await tree.locator('.step-auto').textContent()).toContain('все 3 ЛКО выгрузили данные успешно');
    await page.close();
  });

  it('keeps a manual tick after a reload, and the automatic one too', async () => {
    const page = await app.context.newPage();
    await page.goto(extensionPage(app, 'checklists.html?id=renumbering'));
    const manual = page.locator('[data-step="s1"] input[type=checkbox]');
    await manual.waitFor();
    expect(await manual.isChecked()).toBe(false);
    expect(await manual.isDisabled()).toBe(false);
    const before = await page.locator('.checklist-progress').textContent();
    await manual.check();
    await expect.poll(() => page.locator('.checklist-progress').textContent()).not.toBe(before);
    const after = await page.locator('.checklist-progress').textContent();

    // saving is asynchronous: reload until the mark is there (it must arrive well within the poll)
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.locator('[data-step="s1"] input[type=checkbox]').waitFor();
          return page.locator('[data-step="s1"] input[type=checkbox]').isChecked();
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await expect.poll(() => page.locator('[data-step="s8-check"]').getAttribute('data-auto')).toBe('done');
    expect(await page.locator('.checklist-progress').textContent()).toBe(after);
    // the tick belongs to this procedure only
    expect(await page.locator('[data-step="s2"] input[type=checkbox]').isChecked()).toBe(false);
    await page.close();
  });
});
