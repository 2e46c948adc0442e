/**
 * Issue 11 end to end, in Chromium with the built extension: a file chosen at a portal's file input (or
 * dropped on its upload area) is checked before it is sent. Fixture pages of each portal on their real
 * hostnames: ТОР КНД import task, ЕРУЛ «Переприсвоение» (user host, multiple input, form post), ЕГИССО supplier
 * cabinet (an app that renders its upload card late; drop area), ЕЦП.МИС protocol upload (user host), ССТУ.РФ
 * (user host). The fixture server sees every upload request, so nothing is blocked silently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, generatedFixture, journalCount, journalEntries, launchWithExtension, pageFixture, startPortalServer, type Launched, type PortalServer } from './harness';
import { buildGrantingHosts } from './granted-build';
import { cancelAtQuestion, chosenFile as file, dropFile, erulSeveralFilesOneWrong, postsTo, uploadQuestion as question, uploadVerdictOf as verdictOf } from './upload-steps';

const ERUL_HOST = 'erul.test-region.ru';
const ECP_HOST = 'ecp.test-region.ru';
const SSTU_HOST = 'xn--q1aade.xn--p1ai'; // ссту.рф
const html = (name: string) => ({ body: pageFixture(name), type: 'text/html; charset=utf-8' });

/** A valid ЕГИССО 10.06.S package with one assignment fact (made-up person, checksum-valid СНИЛС). */
const PACKAGE = `<?xml version="1.0" encoding="UTF-8"?>
<data xmlns="urn://egisso-ru/msg/10.06.S/1.1.0" xmlns:pac="urn://egisso-ru/types/package-RAF/1.1.0" xmlns:af="urn://egisso-ru/types/assignment-fact/1.0.8"
 xmlns:prsn="urn://egisso-ru/types/prsn-info/1.0.4" xmlns:smev="urn://x-artefacts-smev-gov-ru/supplementary/commons/1.0.1">
<pac:package><pac:packageId>0f1e2d3c-4b5a-4987-8765-43210fedcba9</pac:packageId><pac:elements>
<pac:fact><af:oszCode>1234.567890</af:oszCode><af:mszReceiver><prsn:SNILS>11223344595</prsn:SNILS><smev:FamilyName>Тестова</smev:FamilyName>
<smev:FirstName>Анна</smev:FirstName><prsn:Gender>Female</prsn:Gender><prsn:BirthDate>1980-01-31</prsn:BirthDate></af:mszReceiver>
<af:lmszId>aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee</af:lmszId><af:categoryId>bbbbbbbb-cccc-4ddd-8eee-ffffffffffff</af:categoryId>
<af:decisionDate>2024-02-01</af:decisionDate><af:dateStart>2024-02-01</af:dateStart><af:needsCriteria><af:usingSign>false</af:usingSign></af:needsCriteria>
<af:assignmentInfo><af:monetaryForm><af:amount>1500.00</af:amount></af:monetaryForm></af:assignmentInfo><pac:uuid>c0000000-0000-4000-8000-000000000001</pac:uuid></pac:fact>
</pac:elements></pac:package></data>
`;

/** The bits of the extension API these tests call inside the worker. */
interface ChromeApi {
  storage: { local: { get(k: string): Promise<Record<string, Record<string, unknown> | undefined>>; set(v: object): Promise<void> } };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
}

let server: PortalServer;
let app: Launched;
let granted: ReturnType<typeof buildGrantingHosts>;

beforeAll(async () => {
  server = await startPortalServer();
  server.serve('tor.knd.gov.ru', '/service-tasks/new', html('tor-knd-import-task.html'));
  server.serve(ERUL_HOST, '/renumbering', html('erul-renumbering-upload.html'));
  server.serve(ERUL_HOST, '/api/renumbering/upload', { body: '<!doctype html><html lang="ru"><meta charset="utf-8"><h2>Файлы приняты</h2></html>', type: 'text/html; charset=utf-8' });
  server.serve('lk.egisso.ru', '/supplier/packages', html('egisso-cabinet-upload.html'));
  server.serve(ECP_HOST, '/ermp/egisso', html('ecp-mis-egisso-protocol-upload.html'));
  server.serve(SSTU_HOST, '/upload', html('sstu-rf-upload.html'));
  // a page whose script removes any element it did not make (Сверка's hand-off frame among them)
  const noFrames = `<script>new MutationObserver(() => document.querySelectorAll('sverka-handoff').forEach((e) => e.remove())).observe(document.documentElement, { childList: true });</script>`;
  server.serve(SSTU_HOST, '/upload-no-frames', { body: pageFixture('sstu-rf-upload.html').replace('</head>', `${noFrames}</head>`), type: 'text/html; charset=utf-8' });
  server.serve(SSTU_HOST, '/upload/archive', { body: '<!doctype html><html lang="ru"><meta charset="utf-8"><h1>Архив принят</h1></html>', type: 'text/html; charset=utf-8' });
  granted = buildGrantingHosts([ERUL_HOST, ECP_HOST, SSTU_HOST]);
  app = await launchWithExtension(server.port, undefined, granted.dir);
  // the official added the user hosts on the options page (the permission itself is granted above)
  const userHosts = [{ portal: 'erul', host: ERUL_HOST }, { portal: 'ecp-mis', host: ECP_HOST }, { portal: 'sstu', host: SSTU_HOST }];
  await app.worker.evaluate((h) => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return c.storage.local.get('settings').then((r) => c.storage.local.set({ settings: { ...(r.settings ?? {}), userHosts: h } }));
  }, userHosts);
  const wanted = ['sverka-user-ecp-mis', 'sverka-user-erul', 'sverka-user-sstu'];
  for (let attempt = 0; ; attempt++) {
    const ids = await app.worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => x.id)));
    if (wanted.every((id) => ids.includes(id))) break;
    if (attempt > 60) throw new Error(`user-host scripts not registered: ${ids.join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}, 60_000);

afterAll(async () => {
  await app?.close();
  await server?.close();
  granted?.remove();
});

const posts = (path: string) => postsTo(server, path);

async function open(path: string): Promise<Page> {
  const page = await app.context.newPage();
  await page.goto(path);
  return page;
}

describe('ТОР КНД «Загрузка присвоенных номеров лицензий из ЕРУЛ»', () => {
  it('a good ЕРУЛ result: «можно загружать», and «Загрузить» sends it without a question', async () => {
    const page = await open('https://tor.knd.gov.ru/service-tasks/new');
    await page.locator('#x2c-file').setInputFiles(await file('renumbering/erul-clean.json'));
    const v = await verdictOf(page, 'erul-clean.json');
    expect(v.verdict).toBe('ok');
    expect(v.text).toContain('Файл в порядке — можно загружать');
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect.poll(() => posts('/api/service-tasks/import').length).toBe(1);
    expect(await question(page).count()).toBe(0);
    expect(posts('/api/service-tasks/import')[0].body.includes('erul-clean.json')).toBe(true);
    await page.close();
  });

  it('a result with errors: the headline beside the input, the question on «Загрузить», «Отменить» keeps the page and sends nothing', async () => {
    const before = posts('/api/service-tasks/import').length;
    const page = await open('https://tor.knd.gov.ru/service-tasks/new');
    await page.locator('#x2c-file').setInputFiles(await file('renumbering/erul-mixed.json'));
    const v = await verdictOf(page, 'erul-mixed.json');
    expect(v.verdict).toBe('error');
    expect(v.text).toContain('нужно обращение в поддержку ТОР КНД');
    // the report link follows the verdict once the journal has the check
    await expect.poll(() => page.locator('sverka-upload li[data-file="erul-mixed.json"]').textContent(), { timeout: 30_000 }).toContain('Открыть полный отчёт');
    await cancelAtQuestion(page, () => page.getByRole('button', { name: 'Загрузить', exact: true }).click(), 'erul-mixed.json', () => posts('/api/service-tasks/import').length);
    expect(posts('/api/service-tasks/import').length).toBe(before);
    expect(page.url()).toBe('https://tor.knd.gov.ru/service-tasks/new');
    // never a second question for the same file: the next press is the portal's own
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect.poll(() => posts('/api/service-tasks/import').length).toBe(before + 1);
    expect(await question(page).count()).toBe(0);
    await page.close();
  });

  it('a file of the wrong kind is an error; «Всё равно загрузить» lets the portal send exactly once', async () => {
    const before = posts('/api/service-tasks/import').length;
    const page = await open('https://tor.knd.gov.ru/service-tasks/new');
    await page.locator('#x2c-file').setInputFiles(await file('egisso/ok-all-accepted.xml'));
    const v = await verdictOf(page, 'ok-all-accepted.xml');
    expect(v.verdict).toBe('error');
    expect(v.text).toContain('Это протокол обработки, а здесь ждут результат ЕРУЛ');
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect.poll(() => question(page).count()).toBe(1);
    expect(await question(page).textContent()).toContain('Это протокол обработки, а здесь ждут результат ЕРУЛ');
    await question(page).getByRole('button', { name: 'Всё равно загрузить' }).click();
    await expect.poll(() => posts('/api/service-tasks/import').length).toBe(before + 1);
    await page.waitForTimeout(500);
    expect(posts('/api/service-tasks/import').length).toBe(before + 1);
    expect(await page.locator('#x2c-status').textContent()).toBe('Задача создана');
    await page.close();
  });

  it('the journal keeps the sighting with via «upload» and the page address', async () => {
    const page = await app.context.newPage();
    await page.goto(extensionPage(app, 'popup.html'));
    const sightings = (await journalEntries(page)).flatMap((e) => e.sightings);
    expect(sightings).toContainEqual(expect.objectContaining({ via: 'upload', fileName: 'erul-clean.json', sourceUrl: 'https://tor.knd.gov.ru/service-tasks/new' }));
    await page.close();
  });

  it('with Сверка switched off for ТОР КНД, nothing is shown and the portal sends as before', async () => {
    await app.worker.evaluate(() => {
      const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      return c.storage.local.get('settings').then((r) => c.storage.local.set({ settings: { ...(r.settings ?? {}), autoCheck: { 'tor-knd': false } } }));
    });
    const before = posts('/api/service-tasks/import').length;
    const page = await open('https://tor.knd.gov.ru/service-tasks/new');
    await page.locator('#x2c-file').setInputFiles(await file('renumbering/erul-truncated.json'));
    await page.waitForTimeout(1500);
    expect(await page.locator('sverka-upload li').count()).toBe(0);
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect.poll(() => posts('/api/service-tasks/import').length).toBe(before + 1);
    expect(await question(page).count()).toBe(0);
    await app.worker.evaluate(() => {
      const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      return c.storage.local.get('settings').then((r) => c.storage.local.set({ settings: { ...(r.settings ?? {}), autoCheck: {} } }));
    });
    await page.close();
  });
});

describe('ЕРУЛ «Переприсвоение» (user host, several files, form post)', () => {
  it('one verdict per file; the export is fine, an ЕРУЛ result is the wrong kind; «Всё равно загрузить» posts the form once', async () => {
    const page = await app.context.newPage();
    await erulSeveralFilesOneWrong(page, server, ERUL_HOST);
    await page.close();
  });

  it('an export over 200 licences a file is an error beside the input', async () => {
    const page = await open(`https://${ERUL_HOST}/renumbering`);
    await page.locator('input[type=file]').setInputFiles(await file('renumbering/export-over-limit.zip'));
    const v = await verdictOf(page, 'export-over-limit.zip');
    expect(v.verdict).toBe('error');
    expect(v.text).toContain('есть ошибки, исправьте до загрузки в ЕРУЛ');
    await page.close();
  });
});

describe('ЕГИССО supplier cabinet (upload card rendered late by the app; drop area)', () => {
  it('a valid package chosen in the input the app added later: «можно загружать», sent without a question', async () => {
    const before = posts('/api/supplier/packages').length;
    const page = await open('https://lk.egisso.ru/supplier/packages');
    const input = page.locator('app-root input[type=file]');
    await input.waitFor({ state: 'attached' });
    await input.setInputFiles({ name: 'package-10.06.S.xml', mimeType: 'text/xml', buffer: Buffer.from(PACKAGE) });
    const v = await verdictOf(page, 'package-10.06.S.xml');
    expect(v.text).toContain('Файл в порядке — можно загружать');
    await page.getByRole('button', { name: 'Отправить пакет' }).click();
    await expect.poll(() => posts('/api/supplier/packages').length).toBe(before + 1);
    expect(await question(page).count()).toBe(0);
    await page.close();
  });

  it('a protocol dropped on the drop area is the wrong kind; the question comes, «Отменить» sends nothing', async () => {
    const before = posts('/api/supplier/packages').length;
    const page = await open('https://lk.egisso.ru/supplier/packages');
    await page.locator('app-root .file-drop-zone').waitFor();
    await dropFile(page, 'app-root .file-drop-zone', 'protocol.xml', await generatedFixture('egisso/ok-all-accepted.xml'));
    const v = await verdictOf(page, 'protocol.xml');
    expect(v.verdict).toBe('error');
    expect(v.text).toContain('Это протокол обработки, а здесь ждут пакет для ЕГИССО');
    expect(await page.locator('app-root .chosen').textContent()).toBe('protocol.xml');
    await page.getByRole('button', { name: 'Отправить пакет' }).click();
    await expect.poll(() => question(page).count()).toBe(1);
    await question(page).getByRole('button', { name: 'Отменить' }).click();
    await page.waitForTimeout(500);
    expect(posts('/api/supplier/packages').length).toBe(before);
    await page.close();
  });
});

describe('ЕЦП.МИС «Загрузить файл протокола обработки» (user host)', () => {
  it('a processing protocol is fine to load; a truncated one is an error and asks first', async () => {
    const page = await open(`https://${ECP_HOST}/ermp/egisso`);
    const input = page.locator('#filefield-1091-fileInputEl');
    await input.setInputFiles(await file('egisso/ok-all-accepted.xml'));
    expect((await verdictOf(page, 'ok-all-accepted.xml')).text).toContain('Файл в порядке — можно загружать');
    await page.locator('#button-1094').click();
    await expect.poll(() => posts('/ermp/egisso/protocol/upload').length).toBe(1);

    await input.setInputFiles(await file('egisso/truncated.xml'));
    const bad = await verdictOf(page, 'truncated.xml');
    expect(bad.verdict).toBe('error');
    await page.locator('#button-1094').click();
    await expect.poll(() => question(page).count()).toBe(1);
    await question(page).getByRole('button', { name: 'Всё равно загрузить' }).click();
    await expect.poll(() => posts('/ermp/egisso/protocol/upload').length).toBe(2);
    await page.waitForTimeout(500);
    expect(posts('/ermp/egisso/protocol/upload').length).toBe(2);
    await page.close();
  });
});

describe('ССТУ.РФ (user host added by the official)', () => {
  it('a good archive: «можно загружать»; a damaged one: error, question, sent once after «Всё равно загрузить»', async () => {
    const page = await open(`https://${SSTU_HOST}/upload`);
    await page.locator('#archive').setInputFiles(await file('sstu/archives/Файл_1.zip'));
    expect((await verdictOf(page, 'Файл_1.zip')).text).toContain('Файл в порядке — можно загружать');
    await page.locator('#archive').setInputFiles(await file('sstu/damaged/Файл_2.zip'));
    const bad = await verdictOf(page, 'Файл_2.zip');
    expect(bad.verdict).toBe('error');
    expect(bad.text).toContain('1 повреждён');
    expect(await page.locator('sverka-upload li').count()).toBe(1);
    await page.getByRole('button', { name: 'Загрузить' }).click();
    await expect.poll(() => question(page).count()).toBe(1);
    expect(posts('/upload/archive')).toHaveLength(0);
    await Promise.all([page.waitForURL(`https://${SSTU_HOST}/upload/archive`), question(page).getByRole('button', { name: 'Всё равно загрузить' }).click()]);
    expect(posts('/upload/archive')).toHaveLength(1);
    expect(await page.locator('h1').textContent()).toBe('Архив принят');
    await page.close();
  });

  it('a page that removes Сверка\'s hand-off frame still gets its verdict: the bytes come over the capture port', async () => {
    const page = await open(`https://${SSTU_HOST}/upload-no-frames`);
    await page.locator('#archive').setInputFiles(await file('sstu/archives/Файл_1.zip'));
    expect((await verdictOf(page, 'Файл_1.zip')).text).toContain('Файл в порядке — можно загружать');
    expect(await page.locator('sverka-handoff').count()).toBe(0);
    await page.close();
  });

  it('a file the page itself posts to Сверка\'s hand-off frame is never checked', async () => {
    const page = await open(`https://${SSTU_HOST}/upload`);
    const frame = page.locator('sverka-handoff iframe');
    await expect.poll(() => frame.count()).toBe(1);
    const journalPage = await app.context.newPage();
    await journalPage.goto(extensionPage(app, 'journal.html'));
    const before = await journalCount(journalPage);
    // the page knows the message's shape (it is in our code) but not a key the worker issued
    await page.evaluate(() => {
      const win = document.querySelector('sverka-handoff')!.shadowRoot!.querySelector('iframe')!.contentWindow!;
      const file = new File([new TextEncoder().encode('<Statuses/>')], 'Файл_9.zip');
      for (const key of ['0'.repeat(32), 'f'.repeat(32)]) win.postMessage({ type: 'sverka-hand-file', key, file }, '*');
    });
    await page.locator('#archive').setInputFiles(await file('sstu/archives/Файл_2.zip'));
    await verdictOf(page, 'Файл_2.zip');
    await expect.poll(() => journalCount(journalPage)).toBe(before + 1);
    expect(await journalPage.getByText('Файл_9.zip').count()).toBe(0);
    await journalPage.close();
    await page.close();
  });
});
