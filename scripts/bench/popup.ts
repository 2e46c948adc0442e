/**
 * Popup speed in real Chromium with the built extension (`npm run bench -- popup`): 10,000 checks seeded into
 * the journal through an extension page, the worker told the journal changed (it stores the dashboard
 * summary), then, in turns, a blank extension page and popup.html — with the stored summary, and without it
 * (today's fallback: the cards counted from the journal) — opened several times. The popup records
 * `performance.now()` when the recent list, the cards and the cards counted from the journal are in the page
 * (window.__sverkaPopup); the blank page (added to a copy of the build, never shipped) records when its one
 * classic script runs, and reads the summary from storage.local and from a one-row IndexedDB database, in
 * alternating order, to compare the two stores.
 * Targets: list ≤ blank page + 15 ms; cards ≤ list + 100 ms (medians over the openings).
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { PRODUCTION_EXTENSION_DIR, extensionPage, journalCount, launchWithExtension, startPortalServer, type Launched } from '../../tests/e2e/harness';
import { DASHBOARD_SUMMARY_KEY } from '../../lib/dashboard/stored-summary';
import type { PopupTimes } from '../../entrypoints/popup/timing';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHECKS = 10_000;
/** Each opening's start varies by tens of ms on a loaded machine: enough openings for the medians to hold. */
const RUNS = 15;
const LIST_OVER_BLANK_MS = 15;
const CARDS_OVER_LIST_MS = 100;
const BLANK_DB = 'sverka-bench-summary';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The built extension plus a blank page with one classic script, as the popup's first script is loaded. */
function extensionWithBlankPage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sverka-bench-ext-'));
  cpSync(PRODUCTION_EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'bench-blank.html'), '<!doctype html>\n<html lang="ru">\n  <head>\n    <meta charset="utf-8" />\n    <title>Сверка</title>\n  </head>\n  <body style="width: 420px">\n    <div id="app"></div>\n    <script src="/bench-blank.js"></script>\n  </body>\n</html>\n');
  writeFileSync(
    join(dir, 'bench-blank.js'),
    `window.__blank = { script: performance.now() };
(async () => {
  const reads = {};
  const storage = async () => { const t = performance.now(); await chrome.storage.local.get(${JSON.stringify(DASHBOARD_SUMMARY_KEY)}); reads.storage = performance.now() - t; };
  const idb = () => new Promise((resolve) => {
    const t = performance.now();
    const open = indexedDB.open(${JSON.stringify(BLANK_DB)});
    open.onsuccess = () => { const get = open.result.transaction('s').objectStore('s').get(1); get.onsuccess = () => { reads.idb = performance.now() - t; open.result.close(); resolve(); }; };
  });
  for (const read of location.search.includes('idb-first') ? [idb, storage] : [storage, idb]) await read();
  window.__blank.reads = reads;
})();
`,
  );
  return dir;
}

/** A fresh tab already in the extension's renderer, as the toolbar popup is (no process start in the timing). */
async function extensionTab(app: Launched): Promise<Page> {
  const page = await app.context.newPage();
  await page.goto(extensionPage(app, 'manifest.json'));
  return page;
}

/** The extension API in the pages the benchmark drives (only what it calls). */
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> } };
}

const loadNow = () => loadavg()[0];
/** +12.3 / −4.0: a difference that can come out either way on a noisy machine. */
const signed = (ms: number) => `${ms < 0 ? '−' : '+'}${Math.abs(ms).toFixed(1)}`;
const withLoad = (ms: number, loads: number[]) => `${ms.toFixed(1)} ms (load ${median(loads).toFixed(1)})`;

export async function benchPopup(): Promise<string[]> {
  if (!existsSync(join(PRODUCTION_EXTENSION_DIR, 'manifest.json')) || !existsSync(join(PRODUCTION_EXTENSION_DIR, 'popup.html'))) {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  const extensionDir = extensionWithBlankPage();
  const server = await startPortalServer();
  const app = await launchWithExtension(server.port, undefined, extensionDir);
  try {
    // the popup opens the journal (Dexie creates the current schema); then rows go in through raw IndexedDB
    const seedPage = await app.context.newPage();
    await seedPage.goto(extensionPage(app, 'popup.html'));
    await seedPage.waitForFunction(() => window.__sverkaPopup?.listRendered !== undefined);
    await seedPage.waitForTimeout(500); // Dexie (loaded after the first render) creates the schema
    const seedStart = Date.now();
    await seedPage.evaluate(async (n: number) => {
      const kinds = ['erul-renumbering-result', 'tor-knd-import-result', 'tor-knd-registry-export', 'sstu-upload-status', 'sstu-unbound-topics', 'sstu-archive', 'egisso-protocol', 'unknown'];
      const now = Date.now();
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('sverka-journal');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('checks', 'readwrite');
      const store = tx.objectStore('checks');
      for (let i = 0; i < n; i++) {
        const kind = kinds[i % kinds.length];
        const at = now - i * 60_000;
        const verdict = i % 5 === 0 ? 'error' : i % 3 === 0 ? 'warn' : 'ok';
        const fileName = `file_${i}.${kind.startsWith('sstu') ? 'xls' : kind === 'egisso-protocol' ? 'xml' : 'json'}`;
        const records = kind === 'erul-renumbering-result' || kind === 'tor-knd-import-result'
          ? Array.from({ length: 20 }, (_, k) => ({ old: `77-01-${String(i * 20 + k).padStart(6, '0')}`, new: `Л041-00110-77/${String(i * 20 + k).padStart(8, '0')}`, outcome: k % 7 === 0 ? 'failed' : 'renumbered', error: k % 7 === 0 ? 'Внутренняя ошибка' : '' }))
          : undefined;
        const summary: Record<string, unknown> =
          kind === 'egisso-protocol' ? { packageStatus: 3, recordNum: 100, recordNumSuccess: 97, failedRecords: 3, errors: 3, warnings: 1, byCode: { '019': 2, '014': 1 } }
          : kind === 'sstu-upload-status' ? { totalLko: 12, succeeded: 10, notUploaded: 1, withErrors: 1, consistent: true }
          : kind === 'tor-knd-registry-export' ? { licences: 150, files: 1, overLimitFiles: 0, duplicates: 0, invalidNumbers: 0 }
          : kind === 'erul-renumbering-result' ? { total: 20, renumbered: 17, alreadyInErul: 0, failed: 3, pairingProblems: 0 }
          : { rows: 3, lko: 1, topics: 2 };
        store.put({
          sha256: i.toString(16).padStart(64, '0'),
          fileName,
          size: 10_000 + i,
          portal: 'tor-knd',
          kind,
          verdict,
          status: 'done',
          firstSeenAt: at,
          lastSeenAt: at,
          sightings: [{ at, fileName, portal: 'tor-knd', via: 'download' }],
          report: {
            file: fileName,
            kind,
            verdict,
            summary,
            findings: [{ severity: verdict === 'ok' ? 'info' : verdict, code: 'bench', message: 'Замечание для замера скорости: текст средней длины, как у настоящих проверок.' }],
            ...(records ? { records } : {}),
            ...(kind === 'egisso-protocol' ? { details: { packageID: `pkg-${i}` } } : {}),
          },
          searchTerms: [fileName, `file`, String(i), ...(records ?? []).flatMap((r) => [r.old.toLowerCase(), r.new.toLowerCase()])],
        });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, CHECKS);
    const seedMs = Date.now() - seedStart;
    const count = await journalCount(seedPage);
    // the worker hears what the journal page and the report page say after a change, and stores the summary
    await seedPage.evaluate(() => (globalThis as unknown as { chrome: ExtensionApi }).chrome.runtime.sendMessage({ type: 'journal-changed' }));
    const summaryStart = Date.now();
    const summary = await waitForSummary(seedPage);
    const summaryMs = Date.now() - summaryStart;
    const summaryBytes = JSON.stringify(summary).length;
    // the same summary in a one-row IndexedDB database, for the blank page's comparison of the two stores
    await seedPage.evaluate(
      ({ name, value }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name, 1);
          open.onupgradeneeded = () => open.result.createObjectStore('s');
          open.onsuccess = () => {
            const tx = open.result.transaction('s', 'readwrite');
            tx.objectStore('s').put(value, 1);
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      { name: BLANK_DB, value: summary },
    );
    await seedPage.close();

    const blank: number[] = [];
    const storageRead: number[] = [];
    const idbRead: number[] = [];
    const list: number[] = [];
    const firstScript: number[] = [];
    const cards: number[] = [];
    const counted: number[] = [];
    const fallbackList: number[] = [];
    const fallbackCards: number[] = [];
    const loads: number[] = [];

    const openBlank = async (run: number) => {
      const page = await extensionTab(app);
      await page.goto(extensionPage(app, `bench-blank.html${Math.floor(run / 2) % 2 ? '?idb-first' : ''}`));
      await page.waitForFunction(() => (window as unknown as { __blank?: { reads?: unknown } }).__blank?.reads !== undefined);
      const t = await page.evaluate(() => (window as unknown as { __blank: { script: number; reads: { storage: number; idb: number } } }).__blank);
      await page.close();
      return t;
    };
    const openPopup = async (blankAt = 0): Promise<PopupTimes & { script: number }> => {
      const page = await extensionTab(app);
      await page.goto(extensionPage(app, 'popup.html'));
      await page.waitForFunction(() => window.__sverkaPopup?.cardsCounted !== undefined, undefined, { timeout: 60_000 });
      const t = await page.evaluate(() => ({
        ...window.__sverkaPopup!,
        script: performance.getEntriesByName('sverka-popup-script')[0]?.startTime ?? 0,
        read: performance.getEntriesByName('sverka-popup-read')[0]?.startTime ?? 0,
        stored: performance.getEntriesByName('sverka-popup-stored')[0]?.startTime ?? 0,
        app: performance.getEntriesByName('sverka-popup-app')[0]?.startTime ?? 0,
        cardsModule: performance.getEntriesByName('sverka-cards-module')[0]?.startTime ?? 0,
        cardsData: performance.getEntriesByName('sverka-cards-data')[0]?.startTime ?? 0,
      }));
      if (process.env.BENCH_VERBOSE) console.log(`${blankAt ? `blank ${blankAt.toFixed(0)} ` : ''}script ${t.script.toFixed(0)} stored ${t.stored.toFixed(0)} read ${t.read.toFixed(0)} app ${t.app.toFixed(0)} list ${t.listRendered!.toFixed(0)} cards ${t.cardsRendered!.toFixed(0)} cards module ${t.cardsModule.toFixed(0)} data ${t.cardsData.toFixed(0)} counted ${t.cardsCounted!.toFixed(0)}`);
      const shown = await page.locator('.recent-check').count();
      const cardsShown = await page.locator('[data-card]').count();
      await page.close();
      if (shown === 0 || cardsShown !== 3) throw new Error(`popup rendered ${shown} checks and ${cardsShown} cards`);
      return t;
    };
    const dropSummary = () => app.worker.evaluate((key) => (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage.local.remove(key), DASHBOARD_SUMMARY_KEY);

    for (let run = 0; run <= RUNS; run++) {
      const load = loadNow();
      // the blank page before the popup in even rounds, after it in odd ones: neither always opens at the quieter moment
      let b: Awaited<ReturnType<typeof openBlank>>;
      let withSummary: PopupTimes & { script: number };
      if (run % 2 === 0) {
        b = await openBlank(run);
        withSummary = await openPopup(b.script);
      } else {
        withSummary = await openPopup();
        b = await openBlank(run);
        if (process.env.BENCH_VERBOSE) console.log(`  (blank after it: ${b.script.toFixed(0)})`);
      }
      // the fallback: no summary stored (the popup counts the cards, then stores them again)
      await dropSummary();
      const without = await openPopup();
      await waitForSummary(await extensionTab(app), true);
      if (run === 0) continue; // the first round warms the disk cache
      loads.push(load, loadNow());
      blank.push(b.script);
      storageRead.push(b.reads.storage);
      idbRead.push(b.reads.idb);
      list.push(withSummary.listRendered!);
      firstScript.push(withSummary.script);
      cards.push(withSummary.cardsRendered!);
      counted.push(withSummary.cardsCounted!);
      fallbackList.push(without.listRendered!);
      fallbackCards.push(without.cardsRendered!);
    }
    const listOverBlank = median(list.map((l, i) => l - blank[i]));
    const cardsOverList = median(cards.map((c, i) => c - list[i]));
    const verdict = (v: number, target: number) => (v <= target ? 'OK' : 'OVER TARGET');
    return [
      `journal: ${count} checks (seeded in ${seedMs} ms); the worker stored the dashboard summary ${summaryMs} ms after being told (${summaryBytes} bytes as JSON)`,
      `medians over ${RUNS} openings each, load average (1 min, ${cpus().length} CPUs) beside each figure:`,
      `blank extension page, its script runs at: ${withLoad(median(blank), loads)}`,
      `popup list in the page: ${withLoad(median(list), loads)}; over the blank page ${signed(listOverBlank)} ms (target ≤ +${LIST_OVER_BLANK_MS} ms) ${verdict(listOverBlank, LIST_OVER_BLANK_MS)}`,
      `  of which: the popup's first script starts ${signed(median(firstScript.map((f, i) => f - blank[i])))} ms from the blank page's, the list is in ${signed(median(list.map((l, i) => l - firstScript[i])))} ms after it starts`,
      `popup cards in the page (stored summary): ${withLoad(median(cards), loads)}; after the list ${signed(cardsOverList)} ms (target ≤ +${CARDS_OVER_LIST_MS} ms) ${verdict(cardsOverList, CARDS_OVER_LIST_MS)}`,
      `  cards recounted from the journal and shown: ${withLoad(median(counted), loads)}`,
      `without a stored summary (fallback, as before): list ${withLoad(median(fallbackList), loads)}, cards ${withLoad(median(fallbackCards), loads)}`,
      `reading the summary on a fresh page: storage.local ${withLoad(median(storageRead), loads)}, one-row IndexedDB ${withLoad(median(idbRead), loads)}`,
    ];
  } finally {
    await app.close();
    await server.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}

/** The stored summary, once the worker (or a popup) has written it. */
async function waitForSummary(page: Page, close = false): Promise<unknown> {
  const read = (key: string) => (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage.local.get(key).then((r) => r[key]);
  await page.waitForFunction((key) => (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage.local.get(key).then((r) => r[key] !== undefined), DASHBOARD_SUMMARY_KEY, { timeout: 60_000, polling: 100 });
  const summary = await page.evaluate(read, DASHBOARD_SUMMARY_KEY);
  if (close) await page.close();
  return summary;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void benchPopup().then((lines) => console.log(lines.join('\n')));
}
