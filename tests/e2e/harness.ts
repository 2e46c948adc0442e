/**
 * End-to-end harness: the BUILT extension in Debian's Chromium (playwright-core), portal pages served over
 * HTTPS on the real hostnames mapped to loopback, downloads saved with their real names.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Download, type Page, type Worker } from 'playwright-core';
import type { CheckEntry } from '../../lib/journal/schema';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The test build (`wxt build --mode e2e`: in-page shadow roots open); tests/e2e/build-setup.ts builds it. */
export const EXTENSION_DIR = process.env.SVERKA_EXTENSION_DIR ?? join(ROOT, '.output', 'chrome-mv3-e2e');
/** What `npm run build` ships (closed shadow roots). */
export const PRODUCTION_EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const PAGES_DIR = join(ROOT, 'tests', 'fixtures', 'pages');
export const GENERATED_DIR = join(ROOT, 'tests', 'fixtures', 'generated');
const TMP = join(ROOT, 'tests', 'e2e', '.tmp');

/** ecp.egisso.ru: an ЕЦП.МИС user host the manifest already grants (*.egisso.ru) — a headless test cannot answer the
 * browser's permission dialog for a regional host. */
export const PORTAL_HOSTS = ['tor.knd.gov.ru', 'pos.gosuslugi.ru', 'egisso.ru', 'lk.egisso.ru', 'erul.test-region.ru', 'ecp.test-region.ru', 'ecp.egisso.ru', 'xn--q1aade.xn--p1ai'];

function certificate(): { key: Buffer; cert: Buffer } {
  mkdirSync(TMP, { recursive: true });
  const keyPath = join(TMP, 'key.pem');
  const certPath = join(TMP, 'cert.pem');
  if (!existsSync(certPath)) {
    const san = PORTAL_HOSTS.map((h) => `DNS:${h}`).join(',');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '2',
      '-subj', '/CN=tor.knd.gov.ru', '-addext', `subjectAltName=${san}`], { stdio: 'ignore' });
  }
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}

export interface ServedFile {
  body: Uint8Array | string;
  type?: string;
  /** Sent as Content-Disposition: attachment with this name. */
  attachment?: string;
  /** Any other response headers (a Content-Security-Policy, say). */
  headers?: Record<string, string>;
}

/** A request other than GET that reached the fixture server (an upload, a form post). */
export interface ReceivedRequest {
  method: string;
  host: string;
  path: string;
  body: Buffer;
}

export interface PortalServer {
  port: number;
  /** Every non-GET request, in order of arrival. */
  received: ReceivedRequest[];
  /** host → path → file */
  routes: Map<string, Map<string, ServedFile>>;
  serve(host: string, path: string, file: ServedFile): void;
  close(): Promise<void>;
}

export async function startPortalServer(): Promise<PortalServer> {
  const routes = new Map<string, Map<string, ServedFile>>();
  const received: ReceivedRequest[] = [];
  const server: Server = createServer(certificate(), (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    const path = (req.url ?? '/').split('?')[0];
    if (req.method && req.method !== 'GET' && req.method !== 'HEAD') {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => {
        received.push({ method: req.method!, host, path, body: Buffer.concat(parts) });
        const reply = routes.get(host)?.get(path);
        res.writeHead(200, { 'content-type': reply?.type ?? 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(reply?.body ?? 'ok');
      });
      return;
    }
    const file = routes.get(host)?.get(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': file.type ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (file.attachment) headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(file.attachment)}`;
    Object.assign(headers, file.headers);
    res.writeHead(200, headers);
    res.end(file.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    routes,
    serve(host, path, file) {
      if (!routes.has(host)) routes.set(host, new Map());
      routes.get(host)!.set(path, file);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  downloadsDir: string;
  profileDir: string;
  close(keepProfile?: boolean): Promise<void>;
}

export async function launchWithExtension(port: number, profileDir?: string, extensionDir = EXTENSION_DIR): Promise<Launched> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`Build the extension first: npx wxt build${extensionDir === EXTENSION_DIR ? ' --mode e2e' : ''}`);
  const profile = profileDir ?? mkdtempSync(join(tmpdir(), 'sverka-profile-'));
  const downloadsDir = mkdtempSync(join(tmpdir(), 'sverka-downloads-'));
  const rules = [...PORTAL_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    acceptDownloads: true,
    args: [
      '--headless=new',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${rules}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  if (process.env.SVERKA_E2E_DEBUG) worker.on('console', (m) => console.log(`[worker] ${m.text()}`));
  const cdp = await context.browser()!.newBrowserCDPSession().catch(() => null);
  if (cdp) await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloadsDir, eventsEnabled: true });
  return {
    context,
    extensionId,
    worker,
    downloadsDir,
    profileDir: profile,
    async close(keepProfile = false) {
      await context.close();
      rmSync(downloadsDir, { recursive: true, force: true });
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function extensionPage(l: Launched, page: string): string {
  return `chrome-extension://${l.extensionId}/${page}`;
}

/**
 * Reads the journal through an extension page (the journal belongs to the extension's origin). Creates
 * nothing: a database made here before the extension's first open would be an empty one held at version 1,
 * and the extension's own open would wait on it for ever (a resume e2e hung so in CI).
 */
async function readJournal<T>(page: Page, what: 'getAll' | 'count', none: T): Promise<T> {
  const read = await page.evaluate(
    (what) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('sverka-journal');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve(null) : reject(open.error));
        open.onblocked = () => resolve(null);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('checks')) {
            db.close();
            return resolve(null);
          }
          const req = db.transaction('checks').objectStore('checks')[what]();
          req.onsuccess = () => {
            resolve(req.result);
            db.close();
          };
          req.onerror = () => {
            db.close();
            reject(req.error);
          };
        };
      }),
    what,
  );
  return read === null ? none : (read as T);
}

export const journalEntries = <T = CheckEntry>(page: Page): Promise<T[]> => readJournal<T[]>(page, 'getAll', []);

export const journalCount = (page: Page): Promise<number> => readJournal(page, 'count', 0);

export function pageFixture(name: string): string {
  return readFileSync(join(PAGES_DIR, name), 'utf8');
}

/** A generated fixture (tests/fixtures/generated/<domain>/…); retried while another run swaps the folder in. */
export async function generatedFixture(rel: string): Promise<Uint8Array> {
  for (let attempt = 0; ; attempt++) {
    try {
      return new Uint8Array(readFileSync(join(GENERATED_DIR, rel)));
    } catch (err) {
      if (attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/**
 * The bytes of a finished download. The harness's CDP download behaviour saves files under their real names
 * in downloadsDir (Playwright's own download.path() then points elsewhere).
 */
export async function savedDownload(app: Launched, download: Download): Promise<Buffer> {
  await download.path().catch(() => null); // resolves when the download has finished
  const file = join(app.downloadsDir, download.suggestedFilename());
  for (let attempt = 0; ; attempt++) {
    if (existsSync(file)) return readFileSync(file);
    if (attempt >= 40) throw new Error(`the download «${download.suggestedFilename()}» is not in ${app.downloadsDir}: ${readdirSync(app.downloadsDir).join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Fills the organisation profile on the options page, as the official would, and saves it. */
export async function saveProfile(app: Launched, profile: { orgName: string; inn?: string }): Promise<void> {
  const options = await app.context.newPage();
  await options.goto(extensionPage(app, 'options.html'));
  await options.locator('#orgName').fill(profile.orgName);
  if (profile.inn) await options.locator('#inn').fill(profile.inn);
  await options.getByRole('button', { name: 'Сохранить' }).click();
  await options.locator('.saved', { hasText: 'Настройки сохранены.' }).waitFor();
  await options.close();
}
