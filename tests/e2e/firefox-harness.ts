/**
 * End-to-end harness for Firefox ESR: the BUILT firefox-mv2 package in Debian's firefox-esr over WebDriver BiDi
 * (puppeteer-core), the same HTTPS fixture server on the real portal hostnames (Firefox's own DNS/port prefs
 * send them to loopback), downloads saved without a dialog in a temp folder.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PORTAL_HOSTS } from './harness';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The Firefox test build (`wxt build -b firefox --mode e2e`: in-page shadow roots open, as in tests/e2e/harness.ts). */
export const FIREFOX_EXTENSION_DIR = process.env.SVERKA_FIREFOX_EXTENSION_DIR ?? join(ROOT, '.output', 'firefox-mv2-e2e');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxLaunched {
  browser: Browser;
  /** moz-extension://UUID/ origin of the installed add-on */
  origin: string;
  downloadsDir: string;
  close(): Promise<void>;
}

export async function launchFirefox(port: number, extensionDir = FIREFOX_EXTENSION_DIR): Promise<FirefoxLaunched> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error('Build the Firefox test package first: npx wxt build -b firefox --mode e2e');
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const downloadsDir = mkdtempSync(join(tmpdir(), 'sverka-ff-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    // moz-extension:// pages open only with system access
    args: ['--remote-allow-system-access'],
    protocolTimeout: 120_000,
    // SVERKA_E2E_DEBUG: the console of pages, the background page and Workers goes to this process's output
    dumpio: Boolean(process.env.SVERKA_E2E_DEBUG),
    extraPrefsFirefox: {
      ...(process.env.SVERKA_E2E_DEBUG ? { 'devtools.console.stdout.content': true, 'devtools.console.stdout.chrome': true } : {}),
      'network.dns.localDomains': PORTAL_HOSTS.join(','),
      'network.socket.forcePort': `443=${port}`,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json,application/zip,application/octet-stream,application/xml,text/xml',
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (err) {
    await browser.close();
    throw err;
  }
  return {
    browser,
    origin: `moz-extension://${uuid}`,
    downloadsDir,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens an extension page. `page.goto` to moz-extension:// may never resolve although the page loads, so the
 * navigation is not awaited: the caller's selector says when the page is ready.
 */
export async function openExtensionPage(ff: FirefoxLaunched, path: string, readySelector: string): Promise<Page> {
  const page = await ff.browser.newPage();
  void page.goto(`${ff.origin}/${path}`).catch(() => undefined);
  // polled by hand: waitForSelector breaks when its probe runs during the about:blank → moz-extension switch
  await waitFor(() => page.evaluate((sel) => location.protocol === 'moz-extension:' && document.querySelector(sel) !== null, readySelector), Boolean, `${path}: ${readySelector}`);
  return page;
}

/** Opens a portal page on its real hostname and waits until the document is loaded. */
export async function openPortalPage(ff: FirefoxLaunched, url: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Polls `read` until `accept` holds (or throws with the last value seen). */
export async function waitFor<T>(read: () => Promise<T>, accept: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < until) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: timed out; last value ${JSON.stringify(last)}${lastError ? `, last error ${String(lastError)}` : ''}`);
}

/** Bytes of a file Firefox saved in the downloads folder (waits while Firefox still writes a .part file). */
export async function firefoxDownload(ff: FirefoxLaunched, name: string): Promise<Buffer> {
  const file = join(ff.downloadsDir, name);
  await waitFor(async () => existsSync(file) && !readdirSync(ff.downloadsDir).some((f) => f.endsWith('.part')), Boolean, `download ${name} in ${ff.downloadsDir}`);
  return readFileSync(file);
}
