/**
 * Speed and memory of the ЕГИССО checks, end to end (bytes → streamed decode → detect → streaming read →
 * report), against a bare parse of the same XML text by saxes, the chosen parser (namespaces on, no
 * handlers), measured in the same run. Target: ≤ 3× for each file.
 *
 *   egisso-package:  a 10.06.S package of 10,000 facts with three basis persons each (≈25 MB)
 *   egisso-protocol: a protocol of 100,000 records (≈60 MB)
 *
 * The machine is shared: each file is measured in several pairs (bare, check) taken back to back, and the
 * ratio of every pair is kept; the median ratio and the spread are printed with the load average over the
 * pairs. Live memory (heap + array buffers above the start, the file's bytes already loaded) is sampled after a
 * full GC at every 1 MB piece the check reads, and once the report is built. BENCH_RUNS sets the number of pairs (default 5). Inputs are generated in
 * a temp dir.
 */
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { protocolHead, recordXml, type FixtureRecord } from '../fixtures/egisso';
import { factPackageXml, fatFactSpec } from '../fixtures/egisso-published';
import { checkSource } from '../../lib/checks/registry';
import { bytesSource, type ByteSource } from '../../lib/formats/source';
import { decodeText } from '../../lib/formats/text';
import { peakMemory, MB } from './measure';

/** Facts in the pre-flight bench package (≈25 MB, the 10,000 facts). */
const FACTS = 10_000;
const RECORDS = 100_000;
const TARGET = 3;

function bigProtocol(n: number): string {
  const { head, tail, r } = protocolHead({ style: 'ns', form: 'messages', recordNum: n, recordNumSuccess: Math.floor(n * 0.7) });
  const parts: string[] = [head];
  for (let i = 0; i < n; i++) {
    const failed = i % 10 < 3;
    const rec: FixtureRecord = {
      recID: `${(0x10000000 + i).toString(16)}-4dda-4744-85ad-6de310f25c88`,
      ok: !failed,
      messages: failed
        ? [
            { type: 1, code: '019', report: `Дата начала действия назначения 01-02-2019 не входит в период действия локальной МСЗ (запись ${i})` },
            { type: 1, code: '026', report: 'Форма предоставления факта назначения МСЗ не совпадает с формой предоставления ЛМСЗ.' },
          ]
        : i % 10 === 5
          ? [{ type: 2, code: '018', report: 'Комбинация меры и категории не найдена в перечне правил КМСЗ' }]
          : [{ type: 2, code: '051', report: 'Проверка даты рождения получателя относительно даты загрузки записи пройдена с замечанием, проверьте запись' }],
    };
    parts.push(recordXml(rec, 'messages', r));
    parts.push('\n');
  }
  parts.push(tail);
  return parts.join('');
}

function bigPackage(): string {
  const facts = Array.from({ length: FACTS }, (_, i) => {
    const f = fatFactSpec(i + 1);
    // every 50th fact with a wrong СНИЛС check number, so that findings are built
    return i % 50 === 7 ? { ...f, snils: f.snils.slice(0, 10) + String((Number(f.snils[10]) + 1) % 10) } : f;
  });
  // 10.06.S 1.0.8 (package-RAF 1.0.9) has no 1000-per-kind limit: all facts are checked without over-limit noise
  return factPackageXml('1.0.8', facts);
}

function bareParse(text: string): void {
  const p = new SaxesParser({ xmlns: true });
  p.write(text);
  p.close();
}

interface Pair {
  /** Whole-file decode (TextDecoder, one call): what any parse of the file needs before saxes sees text. */
  decode: number;
  bare: number;
  check: number;
  bareCpu: number;
  checkCpu: number;
  load: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

async function timed(fn: () => unknown): Promise<[number, number]> {
  gc?.();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  return [performance.now() - t0, cpuMs(c0)];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * A source that samples memory at every piece the check reads (the check never yields to timers), after a
 * full GC: what the check keeps alive, not the garbage a lazy collector has not yet reclaimed.
 */
function sampledSource(bytes: Uint8Array, sample: () => void): ByteSource {
  const inner = bytesSource(bytes);
  return {
    size: inner.size,
    async read(offset, length) {
      gc?.();
      sample();
      return inner.read(offset, length);
    },
  };
}

async function benchFile(dir: string, kind: string, fileName: string, xml: string, what: string, runs: number): Promise<string> {
  const path = join(dir, fileName);
  await writeFile(path, xml);
  const bytes = new Uint8Array(await readFile(path));
  const text = decodeText(bytes).text;
  let summary = '';
  const pairs: Pair[] = [];
  // one unmeasured round warms both up
  bareParse(text);
  await checkSource(fileName, bytesSource(bytes));
  for (let i = 0; i < runs; i++) {
    const l0 = loadavg()[0];
    const [decode] = await timed(() => decodeText(bytes));
    const [bare, bareCpu] = await timed(() => bareParse(text));
    const [check, checkCpu] = await timed(async () => {
      const report = await checkSource(fileName, bytesSource(bytes));
      const s = report.summary;
      summary =
        report.kind === 'egisso-package'
          ? `${report.kind}: ${String(s.elements)} elements, ${String(s.problems)} with errors, verdict ${report.verdict}`
          : `${report.kind}: ${String(s.failedRecords)}/${String(s.recordNum)} failed, verdict ${report.verdict}`;
    });
    pairs.push({ decode, bare, check, bareCpu, checkCpu, load: (l0 + loadavg()[0]) / 2 });
  }
  const ratios = pairs.map((p) => p.check / p.bare);
  const cpuRatios = pairs.map((p) => p.checkCpu / p.bareCpu);
  const fileRatios = pairs.map((p) => p.check / (p.bare + p.decode));
  const loads = pairs.map((p) => p.load);
  let report: unknown;
  const peak = await peakMemory(async (sample) => {
    report = await checkSource(fileName, sampledSource(bytes, sample));
    gc?.();
    sample();
  });
  void report;
  const r = median(ratios);
  return (
    `${kind}: ${what}, ${(bytes.length / MB).toFixed(1)} MB: check ${median(pairs.map((p) => p.check)).toFixed(0)} ms vs bare saxes parse ` +
    `${median(pairs.map((p) => p.bare)).toFixed(0)} ms = ${r.toFixed(2)}× median of ${runs} pairs (spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×; ` +
    `CPU time ${median(cpuRatios).toFixed(2)}×, spread ${Math.min(...cpuRatios).toFixed(2)}–${Math.max(...cpuRatios).toFixed(2)}×; ` +
    `against decode + bare parse ${median(fileRatios).toFixed(2)}×) ` +
    `(target ≤ ${TARGET}×) ${r <= TARGET ? 'OK' : 'OVER TARGET'}; live memory of the check at its peak +${(peak / MB).toFixed(1)} MB over the file's bytes ` +
    `(the whole text would be ${((text.length * 2) / MB).toFixed(0)} MB as UTF-16); load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} ` +
    `on ${cpus().length} CPUs [${summary}]`
  );
}

export async function benchEgisso(): Promise<string[]> {
  const runs = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
  const dir = await mkdtemp(join(tmpdir(), 'sverka-bench-egisso-'));
  try {
    return [
      await benchFile(dir, 'egisso-package', 'package-10k.xml', bigPackage(), `${FACTS.toLocaleString('en-US')} facts`, runs),
      await benchFile(dir, 'egisso-protocol', 'protocol-100k.xml', bigProtocol(RECORDS), `${RECORDS.toLocaleString('en-US')} records`, runs),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  benchEgisso().then((lines) => console.log(lines.join('\n')));
}
