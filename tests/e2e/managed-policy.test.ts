/**
 * An organisation's policy in real Chromium: Linux reads /etc/chromium/policies/managed/*.json. This file writes
 * one policy (3rdparty values for THIS build's extension id only, so other Chromium runs on the machine are not
 * affected), starts Chromium, and removes the file in every outcome.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, extensionPage, generatedFixture, launchWithExtension, startPortalServer, type Launched, type PortalServer } from './harness';

const POLICY_DIR = process.env.SVERKA_CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, `sverka-e2e-${process.pid}.json`);
const ORG = 'ГКУ «Центр социальных выплат Тверской области»';

/** Chromium's id for an unpacked extension: SHA-256 of its absolute path, first 16 bytes as letters a–p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

let server: PortalServer;
let app: Launched;

beforeAll(async () => {
  server = await startPortalServer();
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({
    '3rdparty': {
      extensions: {
        [unpackedExtensionId(EXTENSION_DIR)]: {
          organisation: { orgName: ORG, inn: '6950000000' },
          userHosts: [{ portal: 'ecp-mis', host: 'ecp.egisso.ru' }, { portal: 'erul', host: 'erul.test-region.ru' }],
          autoCheck: { egisso: false },
          retentionDays: 180,
        },
      },
    },
  }));
  // Chromium watches the folder and drops the values a few seconds after the file goes: it stays for this
  // file's tests only (afterAll), and a crashed run still removes it on exit
  process.once('exit', () => rmSync(POLICY_FILE, { force: true }));
  try {
    app = await launchWithExtension(server.port);
  } catch (err) {
    rmSync(POLICY_FILE, { force: true });
    throw err;
  }
}, 120_000);

afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await app?.close();
  await server?.close();
});

describe('settings set by the organisation\'s policy (Chromium)', () => {
  it('the extension id the policy was written for is the one Chromium gave the extension', () => {
    expect(app.extensionId).toBe(unpackedExtensionId(EXTENSION_DIR));
  });

  it('options show the managed profile and hosts read-only, and the official still changes the rest', async () => {
    const options = await app.context.newPage();
    await options.goto(extensionPage(app, 'options.html'));
    await expect.poll(() => options.locator('#orgName').inputValue(), { timeout: 15_000 }).toBe(ORG);
    expect(await options.locator('#orgName').getAttribute('readonly')).not.toBeNull();
    expect(await options.locator('#inn').inputValue()).toBe('6950000000');
    expect(await options.locator('#managed-note').textContent()).toContain('задала ваша организация');
    expect(await options.locator('#retention').inputValue()).toBe('180');
    expect(await options.locator('#auto-egisso').isDisabled()).toBe(true);
    expect(await options.locator('#auto-egisso').isChecked()).toBe(false);

    const ecp = options.locator('[data-portal="ecp-mis"] li[data-host="ecp.egisso.ru"]');
    await expect.poll(() => ecp.getAttribute('data-granted')).toBe('true');
    expect(await ecp.getAttribute('data-managed')).toBe('true');
    expect(await ecp.getByRole('button', { name: 'Удалить' }).count()).toBe(0);
    const erul = options.locator('[data-portal="erul"] li[data-host="erul.test-region.ru"]');
    expect(await erul.getAttribute('data-granted')).toBe('false');
    expect(await erul.textContent()).toContain('нет доступа');

    // the rest is the official's: region saves, the managed name stays out of local storage
    await options.locator('#region').fill('Тверская область');
    await options.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => options.locator('.saved').textContent()).toBe('Настройки сохранены.');
    const stored = await options.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { profile: { orgName: string; region: string } }>> } } } }).chrome.storage.local
        .get('settings')
        .then((r) => r.settings.profile),
    );
    expect(stored).toEqual(expect.objectContaining({ orgName: '', region: 'Тверская область' }));
    await options.close();
  });

  it('a support letter uses the organisation name from the policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sverka-managed-'));
    const file = join(dir, 'Перечень сообщений по своему и дочерним ЛКО без тематик УРОГ.xlsx');
    writeFileSync(file, await generatedFixture('sstu/unbound-tree.xlsx'));
    const report = await app.context.newPage();
    await report.goto(extensionPage(app, 'report.html'));
    await report.locator('#file-picker').setInputFiles(file);
    const letter = report.getByRole('region', { name: 'Письмо в поддержку Оператора ПОС' });
    await expect.poll(() => letter.getByTestId('letter-body').count(), { timeout: 20_000 }).toBe(1);
    const body = await letter.getByTestId('letter-body').inputValue();
    expect(body.split('\n')).toContain(`1) ${ORG}.`);
    expect(body.split('\n')).toContain('2) ИНН 6950000000.');
    await report.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
