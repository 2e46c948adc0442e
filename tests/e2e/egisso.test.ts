/**
 * Issue 5 end to end, in Chromium with the built extension: a processing protocol downloaded in the ЕГИССО
 * supplier cabinet (egisso.ru subdomain) is checked by itself; the panel opens the report, which groups the
 * records by rule code with the explanation and what to fix, filters the records and exports XLSX; the popup
 * card «ЕГИССО» counts the rejected records. In the ЕЦП.МИС ЕГИССО module (a user host whose content script the
 * worker registers at run time) «Детализация отправки пакета» and the request journal get their summary, and a
 * mistyped СНИЛС gets a hint beside the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, utils } from '@e965/xlsx';
import type { Download, Page } from 'playwright-core';
import { extensionPage, launchWithExtension, pageFixture, startPortalServer, type Launched, type PortalServer } from './harness';
import { generatedFixture, savedDownload } from './harness';

const ECP_HOST = 'ecp.egisso.ru';
const PROTOCOL = 'protocol_bfd0b898.xml';
const PROTOCOL_2 = 'protocol_messages.xml';
const PROTOCOL_230 = 'protocol_2.3.0.xml';

let server: PortalServer;
let app: Launched;

const fixture = generatedFixture;

function cabinetPage(links: { path: string; name: string }[]): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>ЕГИССО — Личный кабинет поставщика</title></head><body>
<h1>Протоколы обработки пакетов</h1><table><tbody>${links.map((l) => `<tr><td>${l.name}</td><td><a href="${l.path}">Скачать протокол</a></td></tr>`).join('')}</tbody></table></body></html>`;
}

beforeAll(async () => {
  server = await startPortalServer();
  const html = 'text/html; charset=utf-8';
  server.serve('lk.egisso.ru', '/packages', { body: cabinetPage([{ path: '/api/protocol/1', name: PROTOCOL }, { path: '/api/protocol/230', name: PROTOCOL_230 }]), type: html });
  server.serve('lk.egisso.ru', '/api/protocol/1', { body: await fixture('egisso/errors-recorderror-1.0.3.xml'), type: 'application/xml', attachment: PROTOCOL });
  server.serve('egisso.ru', '/packages', { body: cabinetPage([{ path: '/api/protocol/2', name: PROTOCOL_2 }]), type: html });
  server.serve('egisso.ru', '/api/protocol/2', { body: await fixture('egisso/errors-messages-1.0.4.xml'), type: 'application/xml', attachment: PROTOCOL_2 });
  // a protocol of the newest published version (2.3.0: packageId/recId, times without milliseconds)
  server.serve('lk.egisso.ru', '/api/protocol/230', { body: await fixture('egisso/protocol-2.3.0-e2e.xml'), type: 'application/xml', attachment: PROTOCOL_230 });
  server.serve(ECP_HOST, '/ermp/egisso', { body: pageFixture('ecp-mis-egisso-journal.html'), type: html });
  server.serve(ECP_HOST, '/ermp/egisso/forms', { body: pageFixture('ecp-mis-egisso-forms.html'), type: html });
  app = await launchWithExtension(server.port);
}, 30_000);

afterAll(async () => {
  await app?.close();
  await server?.close();
});

const savedBytes = (download: Download) => savedDownload(app, download);

/** Downloads the protocol from the cabinet page and opens its report from the in-page panel. */
async function downloadAndOpen(host: string, name: string): Promise<{ page: Page; report: Page }> {
  const page = await app.context.newPage();
  await page.goto(`https://${host}/packages`);
  const dl = page.waitForEvent('download');
  await page.locator('tr', { hasText: name }).getByRole('link', { name: 'Скачать протокол' }).click();
  expect((await dl).suggestedFilename()).toBe(name);
  const panel = page.locator('sverka-panel').locator('.panel');
  await expect.poll(() => panel.getAttribute('data-verdict'), { timeout: 20_000 }).toBe('error');
  expect(await panel.textContent()).toContain(name);
  const opened = app.context.waitForEvent('page');
  await panel.getByRole('button', { name: 'Открыть отчёт' }).click();
  const report = await opened;
  await report.waitForLoadState();
  await expect.poll(() => report.locator('section.report').getAttribute('data-kind'), { timeout: 10_000 }).toBe('egisso-protocol');
  return { page, report };
}

describe('ЕГИССО supplier cabinet', () => {
  it('checks a protocol downloaded on lk.egisso.ru by itself; the report groups records by rule code with the explanation', async () => {
    const { page, report } = await downloadAndOpen('lk.egisso.ru', PROTOCOL);
    const section = report.locator('section.report');
    expect(await section.getAttribute('data-verdict')).toBe('error');
    const pkg = report.getByRole('table', { name: 'Пакет ЕГИССО' });
    expect(await pkg.textContent()).toContain('bfd0b898-4dda-4744-85ad-6de310f25c88');
    expect(await pkg.textContent()).toContain('3 — обработан');
    expect(await report.getByTestId('accepted').textContent()).toBe('3 из 5, отклонено 2');

    const codes = report.locator('ul.egisso-codes > li');
    expect(await codes.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['019', '026']);
    const c019 = report.locator('ul.egisso-codes > li[data-code="019"]');
    const t019 = (await c019.textContent())!;
    expect(t019).toContain('Код 019: 6 ошибок в 2 записях');
    expect(t019).toContain('не входит в срок действия локальной меры');
    expect(t019).toContain('Что сделать:');
    expect(t019).toContain('срок действия ЛМСЗ');
    expect(await c019.getAttribute('class')).toBe('error');
    const t026 = (await report.locator('ul.egisso-codes > li[data-code="026"]').textContent())!;
    expect(t026).toContain('Код 026: 2 ошибки в 2 записях');
    expect(t026).toContain('Форма предоставления в записи о назначении не совпадает');

    // the per-record list
    const rows = report.locator('table.egisso-records tbody tr');
    expect(await rows.count()).toBe(2);
    const first = await rows.first().locator('td').allTextContents();
    expect(first.slice(0, 3)).toEqual(['1', '58379', 'отклонена']);
    expect(first[3]).toContain('019 (ошибка): Дата начала действия назначения 01-02-2019 не входит в период действия локальной МСЗ');

    // XLSX: codes sheet and records sheet
    const xdl = report.waitForEvent('download');
    await report.getByRole('button', { name: 'Скачать XLSX' }).click();
    const xlsx = await xdl;
    expect(xlsx.suggestedFilename()).toBe('ЕГИССО-протокол-bfd0b898-4dda-4744-85ad-6de310f25c88.xlsx');
    const wb = read(await savedBytes(xlsx));
    expect(wb.SheetNames).toEqual(['По кодам', 'Записи']);
    const byCode = utils.sheet_to_json<unknown[]>(wb.Sheets['По кодам'], { header: 1 });
    expect(byCode[0]).toEqual(['Код', 'Ошибок', 'Предупреждений', 'Записей', 'Что означает', 'Что сделать', 'Пример сообщения ЕГИССО']);
    expect(byCode[1].slice(0, 4)).toEqual(['019', 6, 0, 2]);
    expect(String(byCode[1][4])).toContain('не входит в срок действия локальной меры');
    expect(byCode[2].slice(0, 4)).toEqual(['026', 2, 0, 2]);
    const recs = utils.sheet_to_json<unknown[]>(wb.Sheets['Записи'], { header: 1 });
    expect(recs[0]).toEqual(['№ в протоколе', 'Идентификатор записи (recID)', 'Запись', 'Тип сообщения', 'Код', 'Сообщение ЕГИССО']);
    expect(recs).toHaveLength(1 + 8); // one row per message
    expect(recs.filter((r) => r[1] === '58978' && r[4] === '026')).toHaveLength(1);
    await report.close();
    await page.close();
  });

  it('on egisso.ru itself too; the record list filters by rule code and by «только отклонённые»', async () => {
    const { page, report } = await downloadAndOpen('egisso.ru', PROTOCOL_2);
    expect(await report.getByTestId('accepted').textContent()).toBe('2 из 3, отклонено 1');
    const c018 = report.locator('ul.egisso-codes > li[data-code="018"]');
    expect(await c018.getAttribute('class')).toBe('warn');
    expect(await c018.textContent()).toContain('Код 018: 1 предупреждение в 1 записи');
    expect(await c018.textContent()).toContain('правилах классификатора мер (КМСЗ)');
    expect(await report.locator('ul.egisso-codes > li[data-code="066"]').textContent()).toContain('прожиточном минимуме уже есть в ЕГИССО');

    const rows = report.locator('table.egisso-records tbody tr');
    expect(await rows.count()).toBe(2);
    await c018.getByRole('button', { name: 'Только записи с этим кодом' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('td').nth(2).textContent()).toBe('принята');
    expect(await c018.getByRole('button', { name: 'Показать все записи' }).getAttribute('aria-pressed')).toBe('true');
    await c018.getByRole('button', { name: 'Показать все записи' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await report.getByRole('checkbox', { name: 'только отклонённые' }).check();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('td').allTextContents()).toEqual(['1', '136a2fe3-16d6-456f-87c7-d9edc183b097', 'отклонена', expect.stringContaining('066 (ошибка)')]);
    await report.close();
    await page.close();
  });

  it('the popup card «ЕГИССО» shows the newest protocol of the package, the rejected records and what to fix', async () => {
    const popup = await app.context.newPage();
    await popup.goto(extensionPage(app, 'popup.html'));
    const card = popup.locator('[data-card="egisso"]');
    await expect.poll(() => card.getAttribute('data-tone'), { timeout: 10_000 }).toBe('error');
    // both protocols are of package bfd0b898…: the one downloaded later replaces the earlier one
    expect(await card.locator('[data-count="packages"] dd').textContent()).toBe('1');
    expect(await card.locator('[data-count="rejected"] dd').textContent()).toBe('1');
    const text = (await card.textContent())!;
    expect(text).toContain('Отклонена 1 запись в 1 пакете');
    expect(text).toContain('Пакет bfd0b898…: принято 2 из 3, отклонена 1 запись.');
    expect(text).toContain('Код 066 (1): Такая запись о прожиточном минимуме уже есть в ЕГИССО');
    expect(text).not.toContain('Код 019');
    await expect.poll(() => popup.locator('.recent-check').count()).toBe(2);
    await popup.close();
  });
});

describe('ЕЦП.МИС ЕГИССО module on a user host', () => {
  it('once the host is added, the worker registers the module script, and «Детализация отправки пакета» gets its summary', async () => {
    // before the official adds the host, nothing of ours runs the module helpers there
    const before = await app.context.newPage();
    await before.goto(`https://${ECP_HOST}/ermp/egisso`);
    await before.waitForTimeout(1_000);
    expect(await before.locator('sverka-egisso').count()).toBe(0);
    await before.close();

    const options = await app.context.newPage();
    await options.goto(extensionPage(app, 'options.html'));
    await options.evaluate((host) => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, Record<string, unknown>>>; set(v: object): Promise<void> } } } }).chrome;
      return c.storage.local.get('settings').then((r) => c.storage.local.set({ settings: { ...(r.settings ?? {}), userHosts: [{ portal: 'ecp-mis', host }] } }));
    }, ECP_HOST);
    const registered = () =>
      app.worker.evaluate(() =>
        (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }).chrome.scripting.getRegisteredContentScripts().then((l) => l.map((s) => s.id).sort()),
      );
    await expect.poll(registered, { timeout: 10_000 }).toContain('sverka-user-ecp-mis');
    await options.reload();
    await expect.poll(() => options.locator(`[data-portal="ecp-mis"] li[data-host="${ECP_HOST}"]`).getAttribute('data-granted')).toBe('true');
    await options.close();

    const page = await app.context.newPage();
    await page.goto(`https://${ECP_HOST}/ermp/egisso`);
    const panel = page.locator('sverka-egisso').locator('.panel');
    await expect.poll(() => panel.count(), { timeout: 10_000 }).toBe(1);
    // one line by default: it does not cover the «Детализация» grid it summarises
    expect(await panel.getAttribute('class')).toContain('collapsed');
    expect(await panel.textContent()).toContain('Детализация отправки пакета: 8 ошибок в 2 записях');
    expect((await panel.boundingBox())!.height).toBeLessThan(60);
    expect(await panel.locator('li').count()).toBe(0);
    await panel.getByRole('button', { name: 'Подробнее' }).click();
    await expect.poll(() => panel.locator('li').count()).toBeGreaterThan(0);
    // the choice is remembered on the next page
    await page.reload();
    await expect.poll(() => panel.locator('li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await panel.getByRole('button', { name: 'Свернуть' }).getAttribute('aria-expanded')).toBe('true');
    const text = (await panel.textContent())!;
    expect(text).toContain('Детализация отправки пакета: 8 ошибок в 2 записях');
    const items = await panel.locator('li').allTextContents();
    // the record number is on a group's first row only: the rows below belong to it (58978 has 019 rows under it)
    const c019 = items.find((t) => t.startsWith('Код 019'));
    expect(c019).toContain('Код 019 — 6 (записи 58379, 58978)');
    expect(c019).toContain('не входит в срок действия локальной меры');
    expect(c019).toContain('Что сделать:');
    expect(items.find((t) => t.startsWith('Код 026'))).toContain('Код 026 — 2 (записи 58379, 58978)');
    // the request journal behind the window: rejected packages with their dates
    expect(text).toMatch(/Журнал запросов: отклонены 3 пакета из \d+/);
    expect(items.some((t) => t.startsWith('21.06.2019 10:30:30') && t.includes('Пакет отклонен'))).toBe(true);
    expect(items.some((t) => t.startsWith('03.06.2019'))).toBe(false); // queued, not rejected
    // closed by the official: stays closed
    await panel.getByRole('button', { name: 'Закрыть' }).click();
    await expect.poll(() => panel.count()).toBe(0);
    await page.close();
  });

  it('a mistyped СНИЛС in «Сведения о лице» gets a hint beside the field, which turns good when fixed', async () => {
    const page = await app.context.newPage();
    await page.goto(`https://${ECP_HOST}/ermp/egisso/forms`);
    const field = page.locator('.x-form-item', { hasText: 'СНИЛС:' });
    const hint = page.locator('.x-form-item:has(input[value="112-233-445 96"]) + sverka-hint');
    await expect.poll(() => hint.getAttribute('data-ok'), { timeout: 10_000 }).toBe('false');
    expect(await hint.locator('[role="note"]').textContent()).toContain('СНИЛС');
    await field.locator('input').fill('112-233-445 95');
    await expect.poll(() => hint.getAttribute('data-ok')).toBe('true');
    await page.close();
  });
});

describe('ЕГИССО protocol 2.3.0', () => {
  it('a 2.3.0 protocol downloaded in the cabinet shows its package and record ids (packageId/recId spelling)', async () => {
    const { page, report } = await downloadAndOpen('lk.egisso.ru', PROTOCOL_230);
    expect(await report.getByRole('table', { name: 'Пакет ЕГИССО' }).textContent()).toContain('d2300000-0000-4000-8000-00000000000f');
    expect(await report.getByTestId('accepted').textContent()).toBe('0 из 2, отклонено 2');
    const ids = await report.locator('table.egisso-records tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[1]?.textContent));
    expect(ids).toEqual(['d2300000-0000-4000-8000-000000000001', 'd2300000-0000-4000-8000-000000000002']);
    expect(await report.locator('ul.egisso-codes > li[data-code="059"]').textContent()).toContain('Критерий нуждаемости');
    await report.close();
    await page.close();
  });
});
