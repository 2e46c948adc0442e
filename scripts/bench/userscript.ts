/**
 * The userscript: its size (one file with lib/ — SheetJS, zip, XML — and the in-page components), built afresh,
 * in KB beside its 1 MB limit (and gzip, what a manager's update check downloads); and the check at the file
 * picker in real Chromium with the built userscript (GM shim, tests/e2e/userscript-harness.ts): file chosen →
 * verdict beside the input, against the bare Node check of the same bytes, with the upload bench's target.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { buildUserscript, USERSCRIPT_MAX_BYTES } from '../build-userscript';
import type { Page } from 'playwright-core';
import { startPortalServer } from '../../tests/e2e/harness';
import { launchWithUserscript } from '../../tests/e2e/userscript-harness';
import { changeToVerdictMs, chosenToVerdict, line, readyToWait, timeChanges, uploadBenchFiles } from './upload';

const SSTU_HOST = 'xn--q1aade.xn--p1ai';
const RUNS = 4;

/** Chosen → verdict in the page's own clock, for each of `paths` chosen one after another on the page at `url`. */
async function chosenOneAfterAnother(page: Page, url: string, input: string, paths: string[]): Promise<number[]> {
  await page.goto(url);
  await timeChanges(page, input);
  await readyToWait(page);
  const out: number[] = [];
  for (const path of paths) {
    await page.locator(input).setInputFiles(path, { timeout: 120_000 });
    out.push(await changeToVerdictMs(page));
  }
  return out;
}

/** `RUNS + 1` copies of a file under different names (choosing the same file again fires no change event). */
async function copies(dir: string, name: string, bytes: Uint8Array): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const path = join(dir, name.replace(/(\.\w+)$/, `_${i}$1`));
    await writeFile(path, bytes);
    out.push(path);
  }
  return out;
}

function sizeLine(bytes: number, gz: number): string {
  const ratio = bytes / USERSCRIPT_MAX_BYTES;
  return `sverka.user.js: ${(bytes / 1024).toFixed(0)} KB minified, ${(gz / 1024).toFixed(0)} KB gzip; ${(ratio * 100).toFixed(0)} % of the 1 MB limit` +
    `${ratio > 1 ? ' OVER TARGET' : ''} (load ${loadavg()[0].toFixed(2)})`;
}

async function uploadLines(): Promise<string[]> {
  // the test build: its shadow roots are open, so the page's clock can see the verdict line
  await buildUserscript('e2e');
  const dir = await mkdtemp(join(tmpdir(), 'sverka-bench-us-'));
  const server = await startPortalServer();
  const lines: string[] = [];
  try {
    const { erul, archive, erulPath, archivePath, baseErul, baseArchive } = await uploadBenchFiles(dir, server);
    const us = await launchWithUserscript(server.port);
    try {
      const page = await us.context.newPage();
      const tor = 'https://tor.knd.gov.ru/service-tasks/new';
      const sstu = `https://${SSTU_HOST}/upload`;
      const mb = (archive.length / 1024 ** 2).toFixed(0);
      const erulFiles = await copies(dir, 'erul-200.json', erul);
      const archives = await copies(dir, 'Файл_1.zip', archive);
      const best = (ms: number[]) => Math.min(...ms);
      // the file is chosen as soon as the page has loaded: the worker the page's file input started may still be starting
      lines.push(line('userscript, ЕРУЛ result of 200 licences at the ТОР КНД import, first file on the page', await chosenToVerdict(page, tor, '#x2c-file', erulPath), baseErul));
      lines.push(line('userscript, the same, next file on the page (worker kept from the last check)', best((await chosenOneAfterAnother(page, tor, '#x2c-file', erulFiles)).slice(1)), baseErul));
      lines.push(line(`userscript, ССТУ archive of ${mb} MB at the ССТУ.РФ upload page, first file on the page`, await chosenToVerdict(page, sstu, '#archive', archivePath), baseArchive));
      lines.push(line(`userscript, the same, next file on the page`, best((await chosenOneAfterAnother(page, sstu, '#archive', archives)).slice(1)), baseArchive));
    } finally {
      await us.close();
    }
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
  return lines;
}

export async function benchUserscript(): Promise<string[]> {
  const { path, bytes } = await buildUserscript();
  const size = sizeLine(bytes, gzipSync(readFileSync(path)).length);
  return [size, ...(await uploadLines())];
}
