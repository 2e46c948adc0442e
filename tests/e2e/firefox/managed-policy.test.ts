/**
 * An organisation's policy in real Firefox ESR: Firefox reads `policies.json` from its distribution folder
 * (Debian: /usr/lib/firefox-esr/distribution) and gives an add-on's `3rdparty` values to storage.managed. This
 * file writes one policy there for THIS add-on's id only, starts Firefox, and removes the file in every outcome.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalServer, type PortalServer } from '../harness';
import { FIREFOX_EXTENSION_DIR, launchFirefox, openExtensionPage, waitFor, type FirefoxLaunched } from '../firefox-harness';

const POLICY_DIR = process.env.SVERKA_FIREFOX_POLICY_DIR ?? '/usr/lib/firefox-esr/distribution';
const POLICY_FILE = join(POLICY_DIR, 'policies.json');
const ORG = 'ГКУ «Центр социальных выплат Тверской области»';

let server: PortalServer;
let ff: FirefoxLaunched;

beforeAll(async () => {
  // one policies.json per Firefox: never overwrite an administrator's own
  if (existsSync(POLICY_FILE)) throw new Error(`${POLICY_FILE} already exists: this test would replace a real policy`);
  const geckoId = (JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } })
    .browser_specific_settings.gecko.id;
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({
    policies: {
      '3rdparty': {
        Extensions: {
          [geckoId]: {
            organisation: { orgName: ORG, inn: '6950000000' },
            userHosts: [{ portal: 'ecp-mis', host: 'ecp.egisso.ru' }],
            autoCheck: { egisso: false },
            retentionDays: 180,
          },
        },
      },
    },
  }));
  process.once('exit', () => rmSync(POLICY_FILE, { force: true }));
  server = await startPortalServer();
  try {
    ff = await launchFirefox(server.port);
  } finally {
    // Firefox reads the file once at start-up: it can go now, before any other Firefox starts
    rmSync(POLICY_FILE, { force: true });
  }
});

afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await ff?.close();
  await server?.close();
});

describe('settings set by the organisation\'s policy (Firefox ESR)', () => {
  it('options show the managed profile, retention and switch read-only, and the official still changes the rest', async () => {
    const options = await openExtensionPage(ff, 'options.html', '#orgName');
    await waitFor(() => options.$eval('#orgName', (el) => (el as HTMLInputElement).value), (v) => v === ORG, 'managed organisation name');
    const state = await options.evaluate(() => {
      const input = (id: string) => document.querySelector(`#${id}`) as HTMLInputElement;
      return {
        orgReadOnly: input('orgName').readOnly,
        inn: input('inn').value,
        note: document.querySelector('#managed-note')?.textContent ?? '',
        retention: input('retention').value,
        egissoDisabled: input('auto-egisso').disabled,
        egissoChecked: input('auto-egisso').checked,
        ecpManaged: document.querySelector('[data-portal="ecp-mis"] li[data-host="ecp.egisso.ru"]')?.getAttribute('data-managed'),
      };
    });
    expect(state).toEqual({ orgReadOnly: true, inn: '6950000000', note: expect.stringContaining('задала ваша организация'), retention: '180', egissoDisabled: true, egissoChecked: false, ecpManaged: 'true' });

    // the official's own field saves; the managed name is not copied into local storage
    await options.$eval('#region', (el) => {
      (el as HTMLInputElement).value = 'Тверская область';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.$eval('form button[type="submit"]', (el) => (el as HTMLButtonElement).click());
    const stored = await waitFor(
      () =>
        options.evaluate(() =>
          (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, { profile?: { orgName: string; region: string } }>> } } } }).browser.storage.local
            .get('settings')
            .then((r) => r.settings?.profile ?? null),
        ),
      (p) => p?.region === 'Тверская область',
      'saved region',
    );
    expect(stored).toEqual(expect.objectContaining({ orgName: '', region: 'Тверская область' }));
    await options.close();
  });
});
