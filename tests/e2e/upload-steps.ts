/**
 * Steps of the check at a portal's file picker (issue 11) that the extension (upload.test.ts) and the userscript
 * (userscript.test.ts) share: the same fixture pages, the same clicks, the same words the official reads.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { generatedFixture, type PortalServer, type ReceivedRequest } from './harness';

/** The upload requests of the portal page that reached the fixture server. */
export function postsTo(server: PortalServer, path: string): ReceivedRequest[] {
  return server.received.filter((r) => r.method === 'POST' && r.path === path);
}

export async function chosenFile(rel: string, name = rel.split('/').pop()!): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  return { name, mimeType: 'application/octet-stream', buffer: Buffer.from(await generatedFixture(rel)) };
}

/** The verdict line Сверка shows beside the input for this file, once the check has finished. */
export async function uploadVerdictOf(page: Page, name: string): Promise<{ verdict: string; text: string }> {
  const line = page.locator(`sverka-upload li[data-file="${name}"]`);
  await expect.poll(() => line.getAttribute('data-verdict').catch(() => null), { timeout: 30_000 }).toMatch(/^(ok|warn|error)$/);
  return { verdict: (await line.getAttribute('data-verdict'))!, text: (await line.textContent()) ?? '' };
}

/** The one question before the portal's button sends a file with an error. */
export const uploadQuestion = (page: Page) => page.locator('sverka-confirm [role="alertdialog"]');

/** Drops a file on the page's upload area as a browser does (DataTransfer.files). */
export async function dropFile(page: Page, selector: string, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ selector, name, b }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], name, { type: 'text/xml' }));
      document.querySelector(selector)!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { selector, name, b: [...bytes] },
  );
}

/**
 * ЕРУЛ «Переприсвоение» (erul-renumbering-upload.html on `host`): a registry export and an ЕРУЛ result in one
 * `multiple` input. One verdict each; the ЕРУЛ result is the wrong kind; the form is posted once, with both
 * files, only after «Всё равно загрузить».
 */
export async function erulSeveralFilesOneWrong(page: Page, server: PortalServer, host: string): Promise<void> {
  const posts = () => postsTo(server, '/api/renumbering/upload');
  await page.goto(`https://${host}/renumbering`);
  await page.locator('input[type=file]').setInputFiles([await chosenFile('renumbering/export-single.json'), await chosenFile('renumbering/erul-clean.json')]);
  const good = await uploadVerdictOf(page, 'export-single.json');
  expect(good.verdict).toBe('ok');
  expect(good.text).toContain('Файл в порядке — можно загружать');
  const wrong = await uploadVerdictOf(page, 'erul-clean.json');
  expect(wrong.verdict).toBe('error');
  expect(wrong.text).toContain('Это результат ЕРУЛ, а здесь ждут выгрузку реестра лицензий из ТОР КНД');
  await page.getByRole('button', { name: 'Отправить на переприсвоение' }).click();
  await expect.poll(() => uploadQuestion(page).count()).toBe(1);
  expect(await uploadQuestion(page).textContent()).toContain('«erul-clean.json»');
  expect(posts()).toHaveLength(0);
  await Promise.all([page.waitForURL(`https://${host}/api/renumbering/upload`), uploadQuestion(page).getByRole('button', { name: 'Всё равно загрузить' }).click()]);
  expect(posts()).toHaveLength(1);
  const body = posts()[0].body;
  expect(body.includes('export-single.json') && body.includes('erul-clean.json')).toBe(true);
  expect(await page.locator('h2').textContent()).toBe('Файлы приняты');
}

/** Pressing send with a file in error asks once what to do; «Отменить» closes the question and nothing is sent. */
export async function cancelAtQuestion(page: Page, press: () => Promise<void>, fileName: string, sent: () => number): Promise<void> {
  const before = sent();
  await press();
  await expect.poll(() => uploadQuestion(page).count()).toBe(1);
  expect(await uploadQuestion(page).textContent()).toContain(`В файле «${fileName}» ошибка:`);
  await uploadQuestion(page).getByRole('button', { name: 'Отменить' }).click();
  expect(await uploadQuestion(page).count()).toBe(0);
  await page.waitForTimeout(500);
  expect(sent()).toBe(before);
}
