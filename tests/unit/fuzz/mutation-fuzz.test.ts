/**
 * Seeded mutation fuzzer (issue 16). Inputs: the generated fixtures up to 128 KB (formats, sstu, egisso,
 * renumbering, hostile), each mutated by one of: bit flips, truncation, byte runs, duplicated chunks, zip
 * header / central-directory field corruption, deep nesting (see mutate.ts). Every input is checked through
 * the real pipeline in the CLI's isolated worker (cli/isolated.ts) with a per-input watchdog; a sample goes
 * through the real CLI process. Fails on: a hang (> 10 s per MB, at least 10 s) of anything but a BIFF .xls
 * (SheetJS's BIFF parser cannot be pre-validated: the watchdog is its containment, counted and printed), a
 * worker crash or out-of-memory, a message with a stack trace or English exception text, an exit outside
 * 0/1/2, stdout that is not one JSON document, or RSS over 1 GB.
 * Replay: FUZZ_SEED=<seed> [FUZZ_COUNT=<n>] npx vitest run --project unit tests/unit/fuzz
 * Failing inputs are copied to .tmp/fuzz-findings/: add each to scripts/fixtures/hostile.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';
import { IsolatedChecker } from '../../../cli/isolated';
import type { CheckReport } from '../../../lib/checks/report';
import { mutate, rng } from './mutate';

const SEED = Number(process.env.FUZZ_SEED || 16);
const COUNT = Number(process.env.FUZZ_COUNT || 2000);
const CLI_SAMPLE = 24;
const MB = 1024 * 1024;
const ROOT = join(__dirname, '..', '..', '..');
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const hangLimitMs = (bytes: number) => Math.max(10_000, (bytes / MB) * 10_000);

/** Stack frames or JavaScript exception words where only Russian for the official belongs. */
const LEAK = /\n\s+at |\bat [\w.<>]+ \(|[A-Z][a-z]+Error\b|\bundefined\b|\bNaN\b|\[object |Cannot |Unexpected token|is not (a function|defined|iterable)|Invalid /;

function messageProblems(report: CheckReport): string[] {
  const out: string[] = [];
  for (const f of report.findings) {
    if (LEAK.test(f.message) || LEAK.test(f.where ?? '')) out.push(`leaked text: ${f.message.slice(0, 200)}`);
    if (!/[а-яё]/i.test(f.message)) out.push(`not Russian: ${f.message.slice(0, 200)}`);
  }
  return out;
}

function bases(): string[] {
  const out: string[] = [];
  for (const domain of ['formats', 'sstu', 'egisso', 'renumbering', 'hostile']) {
    const walk = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const p = join(dir, name);
        const st = statSync(p);
        if (st.isDirectory()) walk(p);
        // bitflip.xls already hangs SheetJS as it is: every mutation of it would only wait for the watchdog
        else if (st.size > 0 && st.size <= 128 * 1024 && name !== 'bitflip.xls') out.push(p);
      }
    };
    walk(join(FIXTURES_DIR, domain));
  }
  return out;
}

const work = mkdtempSync(join(tmpdir(), 'sverka-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`mutation fuzzer (seed ${SEED}, ${COUNT} inputs)`, () => {
  it('no hang, crash, leaked exception text or runaway memory', async () => {
    console.log(`fuzz: seed ${SEED}, ${COUNT} inputs — replay with FUZZ_SEED=${SEED} FUZZ_COUNT=${COUNT}`);
    const files = bases();
    expect(files.length).toBeGreaterThan(50);
    const r = rng(SEED);
    const checker = new IsolatedChecker({ timeLimitMs: hangLimitMs });
    const failures: string[] = [];
    const contained: string[] = [];
    const cliInputs: string[] = [];
    const started = Date.now();
    mkdirSync(join(ROOT, '.tmp', 'fuzz-findings'), { recursive: true });
    try {
      for (let i = 0; i < COUNT; i++) {
        const base = files[Math.floor(r() * files.length)];
        const { how, bytes } = mutate(new Uint8Array(readFileSync(base)), r);
        const input = join(work, `${i}-${how}-${base.split('/').pop()!.replace(/[^\w.-]+/g, '_')}`);
        writeFileSync(input, bytes);
        if (i < CLI_SAMPLE) cliInputs.push(input);
        const report = await checker.check(input, bytes.length);
        const stopped = report.details?.stopped as string | undefined;
        const problems = messageProblems(report);
        const ole = OLE.every((b, k) => bytes[k] === b);
        if (stopped === 'time' && ole) contained.push(`${i} ${how} ${base}`);
        else if (stopped) problems.push(`stopped (${stopped})`);
        if (problems.length) {
          failures.push(`#${i} ${how} of ${base}: ${problems.join('; ')}`);
          copyFileSync(input, join(ROOT, '.tmp', 'fuzz-findings', `seed${SEED}-${input.split('/').pop()}`));
        }
      }
    } finally {
      await checker.close();
    }
    const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(
      `fuzz: ${COUNT} inputs in ${Math.round((Date.now() - started) / 1000)} s, ${failures.length} failed, ` +
        `${contained.length} BIFF .xls stopped by the watchdog, max RSS ${rssMb} MB, load ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
    );
    for (const c of contained) console.log(`fuzz: contained ${c}`);
    expect(failures).toEqual([]);
    expect(rssMb).toBeLessThan(1024);

    // a sample through the real CLI process: exit 0/1/2, exactly one JSON document, an entry per file
    const cli = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli', 'check.ts'), '--json', ...cliInputs], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 600_000,
      env: { ...process.env, SVERKA_CHECK_FLOOR_MS: '10000', SVERKA_DEBUG: '' },
    });
    expect([0, 1, 2]).toContain(cli.status);
    const doc = JSON.parse(cli.stdout) as { files: CheckReport[] };
    expect(doc.files.map((f) => f.file)).toEqual(cliInputs);
    expect(doc.files.flatMap(messageProblems)).toEqual([]);
    expect(cli.stderr).toBe('');
  }, 900_000);
});
