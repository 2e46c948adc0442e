/**
 * «Удалить все данные» purges everything (issue 16). Input: a file named after a person
 * («Ширококрылова_Евлампия_Аристарховна.json») dropped on the report page, the same ФИО in a form draft
 * (Приложение 2, user 1) and in the organisation profile. After the purge and a browser restart the ФИО must
 * not be anywhere in the profile's IndexedDB files (LevelDB keeps deleted rows in its log until compaction,
 * so the database itself must go), and storage.local must be empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { extensionPage, journalCount, launchWithExtension, saveProfile, startPortalServer, type Launched, type PortalServer } from './harness';

const SURNAME = 'Ширококрылова';
const FIO = `${SURNAME} Евлампия Аристарховна`;
let server: PortalServer;
const profileDir = mkdtempSync(join(tmpdir(), 'sverka-purge-profile-'));
const tmp = mkdtempSync(join(tmpdir(), 'sverka-purge-'));

beforeAll(async () => {
  server = await startPortalServer();
});

afterAll(async () => {
  await server?.close();
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

/** Files under dir holding the text as UTF-8 or UTF-16LE (how V8 stores two-byte strings). */
function filesHolding(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) {
        const bytes = readFileSync(p);
        if (needles.some((n) => bytes.includes(n))) out.push(p.slice(dir.length + 1));
      }
    }
  };
  walk(dir);
  return out;
}

async function storageLocal(app: Launched): Promise<Record<string, unknown>> {
  return app.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(null));
}

describe('«Удалить все данные»', () => {
  it('removes the journal, drafts, profile and settings; after a restart the ФИО is in no IndexedDB file', async () => {
    let app = await launchWithExtension(server.port, profileDir);
    const file = join(tmp, `${FIO.replaceAll(' ', '_')}.json`);
    writeFileSync(file, '{"note": "файл с ФИО в имени"}');
    const report = await app.context.newPage();
    await report.goto(extensionPage(app, 'report.html'));
    await report.locator('#file-picker').setInputFiles(file);
    await report.locator('section.report').first().waitFor({ timeout: 30_000 });
    expect(await journalCount(report)).toBe(1);

    const form = await app.context.newPage();
    await form.goto(extensionPage(app, 'forms.html?appendix=2'));
    await form.locator('#f-user-0-name').fill(FIO);
    await expect.poll(async () => JSON.stringify((await storageLocal(app)).formDrafts ?? ''), { timeout: 15_000 }).toContain(SURNAME);
    await form.close();
    await saveProfile(app, { orgName: FIO });
    // the scan finds what is there: before the purge the ФИО is in the IndexedDB files
    expect(filesHolding(join(profileDir, 'Default', 'IndexedDB'), SURNAME).length).toBeGreaterThan(0);

    const options = await app.context.newPage();
    await options.goto(extensionPage(app, 'options.html'));
    await options.getByRole('button', { name: 'Удалить все данные' }).click();
    await options.getByRole('button', { name: 'Да, удалить' }).click();
    await expect.poll(() => options.locator('main').textContent(), { timeout: 15_000 }).toContain('Удалено всё, что хранило расширение');
    expect(await options.locator('#orgName').inputValue()).toBe('');
    expect(await storageLocal(app)).toEqual({});
    expect(await journalCount(report)).toBe(0);
    await app.close(true);

    app = await launchWithExtension(server.port, profileDir);
    try {
      const page = await app.context.newPage();
      await page.goto(extensionPage(app, 'popup.html'));
      expect(await journalCount(page)).toBe(0);
      expect(JSON.stringify(await storageLocal(app))).not.toContain(SURNAME);
    } finally {
      await app.close(true);
    }
    expect(filesHolding(join(profileDir, 'Default', 'IndexedDB'), SURNAME)).toEqual([]);
  }, 180_000);
});
