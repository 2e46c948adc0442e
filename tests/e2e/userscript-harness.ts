/**
 * The built userscript (.output/sverka.user.js) in plain Debian Chromium, without a userscript manager: a small
 * GM_* shim and the script are injected with addInitScript (document start, page world, as Tampermonkey's
 * «@sandbox JavaScript» / Violentmonkey's «@inject-into page» run it) into fixture portal pages served on the
 * real hostnames (tests/e2e/harness.ts server). The shim keeps GM storage in the page origin's localStorage
 * under «gm:» and the menu commands in window.__gmMenu, so tests can read and press them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PORTAL_HOSTS } from './harness';

const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.output');
/** The test build (shadow roots open for Playwright); tests/e2e/build-setup.ts builds it and the shipped one. */
export const USERSCRIPT = join(OUTPUT, 'sverka.e2e.user.js');
/** What `npm run build:userscript` ships (closed shadow roots). */
export const PRODUCTION_USERSCRIPT = join(OUTPUT, 'sverka.user.js');
export const GM_PREFIX = 'gm:';

const GM_SHIM = `(() => {
  const menu = {};
  const key = (k) => ${JSON.stringify(GM_PREFIX)} + k;
  window.GM_getValue = (k, d) => { const v = localStorage.getItem(key(k)); return v === null ? d : JSON.parse(v); };
  window.GM_setValue = (k, v) => localStorage.setItem(key(k), JSON.stringify(v));
  window.GM_deleteValue = (k) => localStorage.removeItem(key(k));
  window.GM_registerMenuCommand = (name, fn) => { menu[name] = fn; };
  window.__gmMenu = menu;
  window.unsafeWindow = window;
})();`;

export interface UserscriptBrowser {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchWithUserscript(port: number, userscript = USERSCRIPT): Promise<UserscriptBrowser> {
  if (!existsSync(userscript)) throw new Error(`Build the userscript first: npm run build:userscript${userscript === USERSCRIPT ? ' -- --e2e' : ''}`);
  const rules = [...PORTAL_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(', ');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', '--ignore-certificate-errors', `--host-resolver-rules=${rules}`],
  });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, acceptDownloads: true });
  const script = readFileSync(userscript, 'utf8');
  // the manager strips nothing: the metadata block is a comment, the script runs as built
  await context.addInitScript({ content: `${GM_SHIM}\n${script}` });
  return { browser, context, close: () => browser.close() };
}

/** Everything the userscript stored through GM_setValue on this page's origin. */
export async function gmStorage(page: Page): Promise<Record<string, string>> {
  return page.evaluate((prefix) => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      if (k.startsWith(prefix)) out[k.slice(prefix.length)] = localStorage.getItem(k)!;
    }
    return out;
  }, GM_PREFIX);
}

/** Presses one of the userscript's menu commands, as the manager's menu would. */
export async function pressMenu(page: Page, caption: string): Promise<void> {
  await page.evaluate((c) => {
    const menu = (window as unknown as { __gmMenu: Record<string, () => void> }).__gmMenu;
    if (!menu[c]) throw new Error(`no menu command «${c}»: ${Object.keys(menu).join(', ')}`);
    menu[c]();
  }, caption);
}
