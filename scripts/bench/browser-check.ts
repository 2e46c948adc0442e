/**
 * The browser against the CLI on a big file (`npm run bench -- browser`), issue 16: a 33 MB region-wide ЕРУЛ
 * result (scripts/bench/renumbering.ts bigErulResult, written to a temporary file) is
 * 1. checked by the CLI (`tsx cli/check.ts --json FILE`, a fresh process, as an official or a script runs it);
 * 2. chosen on the report page of the built extension in real Chromium (production build), timed from
 *    `setInputFiles` to the report section with its verdict on screen (the check runs in a Worker and is
 *    recorded in the journal before the page shows it).
 * Runs alternate, best of each (the least disturbed on a shared machine); the load average is printed beside
 * each figure. Target: browser ≤ 2× CLI.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCTION_EXTENSION_DIR, extensionPage, launchWithExtension, startPortalServer } from '../../tests/e2e/harness';
import { bigErulResult } from './renumbering';
import { MB, ratioLine } from './measure';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = 3;
const TARGET = 2;
/** 200,000 licences (400,000 objects): 33 MB, the size the issue measured. */
const PAIRS = 200_000;

const load = () => loadavg()[0].toFixed(1);

function cliCheck(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['cli/check.ts', '--json', path], { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 || code === 1 ? resolve(performance.now() - t) : reject(new Error(`check exited ${code}`))));
  });
}

export async function benchBrowserCheck(): Promise<string[]> {
  if (!existsSync(join(PRODUCTION_EXTENSION_DIR, 'manifest.json'))) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'sverka-bench-big-'));
  const path = join(dir, 'erul-result-region.json');
  const text = bigErulResult(PAIRS);
  writeFileSync(path, text);
  const size = Buffer.byteLength(text);
  const server = await startPortalServer();
  const app = await launchWithExtension(server.port, undefined, PRODUCTION_EXTENSION_DIR);
  const lines: string[] = [];
  let cli = Infinity;
  let browser = Infinity;
  const cliLoads: string[] = [];
  const browserLoads: string[] = [];
  try {
    const page = await app.context.newPage();
    for (let i = 0; i < RUNS; i++) {
      cliLoads.push(load());
      cli = Math.min(cli, await cliCheck(path));
      await page.goto(extensionPage(app, 'report.html'));
      await page.locator('#file-picker').waitFor({ state: 'attached' });
      browserLoads.push(load());
      const t = performance.now();
      await page.locator('#file-picker').setInputFiles(path);
      await page.locator('section.report[data-verdict]').waitFor({ timeout: 600_000 });
      browser = Math.min(browser, performance.now() - t);
      const verdict = await page.locator('section.report').getAttribute('data-verdict');
      if (verdict !== 'error') throw new Error(`unexpected verdict ${verdict}`);
    }
    lines.push(`${(size / MB).toFixed(1)} MB ЕРУЛ result, ${PAIRS.toLocaleString('en')} licences; best of ${RUNS}`);
    lines.push(`CLI check: ${cli.toFixed(0)} ms (load ${cliLoads.join(', ')})`);
    lines.push(`report page, choose → verdict on screen: ${browser.toFixed(0)} ms (load ${browserLoads.join(', ')})`);
    lines.push(ratioLine('browser vs CLI, same file', browser, cli, TARGET));
  } finally {
    await app.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
