/**
 * Speed of the ССТУ.РФ checks (issue 4), inputs generated in a temp dir at bench time:
 * - a 100,000-row «Перечень сообщений … без тематик УРОГ» (.xlsx): the whole check (detect + summary) against
 *   bare SheetJS `read` + `sheet_to_json` of the same file (target ≤ 1.3×);
 * - a ~100 MB «Файл_N.zip» of deflated XML entries: the whole archive check (streamed CRC of every entry, status
 *   records counted) against bare fflate `inflateSync` of the same entries (target ≤ 1.5×), and the check's peak
 *   memory above the baseline (target < 64 MB).
 * Run alone: `npx tsx --expose-gc scripts/bench/sstu.ts`.
 */
import { mkdtemp, rm, writeFile, open } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { read, utils, write } from '@e965/xlsx';
import { inflateSync, Deflate } from 'fflate';
import { checkSource } from '../../lib/checks/registry';
import { bytesSource } from '../../lib/formats/source';
import { readZipDirectory } from '../../lib/formats/zip';
import { crc32 } from '../../lib/formats/crc32';
import { rng } from '../fixtures/bytes';
import { fileSource } from '../../cli/file-source';
import { UNBOUND_HEADER } from '../fixtures/sstu';

const ROWS = 100_000;
const ARCHIVE_TARGET = 100 * 1024 * 1024 - 2 * 1024 * 1024;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Best of `runs`: wall time and CPU time (user + system) of this process. Ratios are taken on CPU time, which
 * other processes on a shared machine disturb far less than wall time.
 */
async function best<T>(runs: number, fn: () => Promise<T> | T): Promise<{ ms: number; cpu: number; value: T }> {
  let ms = Infinity;
  let cpu = Infinity;
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    gc();
    const t = performance.now();
    const c = process.cpuUsage();
    value = await fn();
    const used = process.cpuUsage(c);
    ms = Math.min(ms, performance.now() - t);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return { ms, cpu, value: value as T };
}

/** The shared bench's line format (scripts/bench/measure.ts: «OK» / «OVER TARGET»), the ratio on CPU time. */
function ratio(name: string, ours: { ms: number; cpu: number }, base: { ms: number; cpu: number }, target: number): string {
  const r = ours.cpu / base.cpu;
  return (
    `${name}: ${r.toFixed(2)}× (ours ${ours.cpu.toFixed(0)} ms CPU / ${ours.ms.toFixed(0)} ms wall, baseline ${base.cpu.toFixed(0)} ms CPU / ${base.ms.toFixed(0)} ms wall; ` +
    `target ≤ ${target}×) ${r <= target ? 'OK' : 'OVER TARGET'}`
  );
}


function bigReport(): Uint8Array {
  const rand = rng(4);
  const subcats = Array.from({ length: 300 }, (_, i) => `Подкатегория ${i}`);
  const aoa: (string | number)[][] = [['Перечень сообщений по своему и дочерним ЛКО без тематик УРОГ'], ['Отчетный период: ноябрь 2023'], [], UNBOUND_HEADER];
  for (let i = 0; i < ROWS; i++) {
    const s = Math.floor(rand() * subcats.length);
    const lko = 1000 + Math.floor(rand() * 400);
    aoa.push([String(lko), `Организация № ${lko}`, String(30_000_000 + i), `Категория ${s % 20}`, subcats[s], rand() < 0.3 ? '' : `Факт ${s}-${Math.floor(rand() * 3)}`, String(1 + Math.floor(rand() * 9))]);
  }
  const ws = utils.aoa_to_sheet(aoa);
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 6 } }];
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, 'Отчет');
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/**
 * Writes a zip of XML status entries (deflated, about half compressible) until it is close to `target`
 * bytes, entry by entry, so the generator never holds more than one entry.
 */
export async function bigArchive(path: string, target: number): Promise<{ entries: number; unpacked: number }> {
  const rand = rng(7);
  const fh = await open(path, 'w');
  const central: number[][] = [];
  let offset = 0;
  let unpacked = 0;
  let index = 0;
  const hex = '0123456789abcdef';
  try {
    while (offset < target - 6 * 1024 * 1024) {
      const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<Statuses>\n'];
      for (let i = 0; i < 12_000; i++) {
        let noise = '';
        for (let k = 0; k < 160; k++) noise += hex[Math.floor(rand() * 16)];
        parts.push(`<Status id="${index * 100_000 + i}"><AppealNumber>${30_000_000 + i}</AppealNumber><State>Рассмотрено</State><Data>${noise}</Data></Status>\n`);
      }
      parts.push('</Statuses>\n');
      const raw = new TextEncoder().encode(parts.join(''));
      const chunks: Uint8Array[] = [];
      const d = new Deflate({ level: 1 }, (c) => chunks.push(c));
      d.push(raw, true);
      const size = chunks.reduce((s, c) => s + c.length, 0);
      const crc = crc32(raw);
      const name = new TextEncoder().encode(`statuses_${index + 1}.xml`);
      const local = new Uint8Array([...u32(0x04034b50), ...u16(20), ...u16(0x800), ...u16(8), ...u16(0), ...u16(0), ...u32(crc), ...u32(size), ...u32(raw.length), ...u16(name.length), ...u16(0), ...name]);
      await fh.write(local);
      for (const c of chunks) await fh.write(c);
      central.push([
        ...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0x800), ...u16(8), ...u16(0), ...u16(0), ...u32(crc), ...u32(size), ...u32(raw.length),
        ...u16(name.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name,
      ]);
      offset += local.length + size;
      unpacked += raw.length;
      index++;
    }
    const cd = new Uint8Array(central.flat());
    await fh.write(cd);
    await fh.write(new Uint8Array([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(central.length), ...u16(central.length), ...u32(cd.length), ...u32(offset), ...u16(0)]));
  } finally {
    await fh.close();
  }
  return { entries: central.length, unpacked };
}

const mb = (n: number) => (n / 1024 ** 2).toFixed(1);

export async function benchSstu(): Promise<string[]> {
  const lines: string[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'sverka-bench-sstu-'));
  try {
    // --- 100,000-row report
    const report = bigReport();
    const reportPath = join(dir, 'Перечень сообщений по своему и дочерним ЛКО без тематик УРОГ.xlsx');
    await writeFile(reportPath, report);
    const bare = await best(3, () => {
      const wb = read(report, { type: 'array' });
      return utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]]).length;
    });
    const ours = await best(3, () => checkSource(reportPath, bytesSource(report)));
    if (ours.value.kind !== 'sstu-unbound-topics' || ours.value.summary.rows !== ROWS) {
      throw new Error(`bench report misread: ${ours.value.kind} ${JSON.stringify(ours.value.summary)}`);
    }
    lines.push(ratio(`ССТУ report ${ROWS.toLocaleString('en-US')} rows (${mb(report.length)} MB xlsx): check vs bare SheetJS read+sheet_to_json`, ours, bare, 1.3));

    // --- ~100 MB archive
    const zipPath = join(dir, 'Файл_1.zip');
    const made = await bigArchive(zipPath, ARCHIVE_TARGET);
    const bytes = new Uint8Array(readFileSync(zipPath));
    const dirInfo = await readZipDirectory(bytesSource(bytes));
    const bareZip = await best(2, () => {
      let total = 0;
      for (const e of dirInfo.entries) {
        const h = e.localHeaderOffset;
        const start = h + 30 + (bytes[h + 26] | (bytes[h + 27] << 8)) + (bytes[h + 28] | (bytes[h + 29] << 8));
        total += inflateSync(bytes.subarray(start, start + e.compressedSize)).length;
      }
      return total;
    });
    gc();
    const base = process.memoryUsage();
    const baseline = base.heapUsed + base.arrayBuffers;
    let peak = baseline;
    let peakRss = base.rss;
    const sample = () => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers);
      peakRss = Math.max(peakRss, m.rss);
    };
    const timer = setInterval(sample, 5);
    const oursZip = await best(2, async () => {
      const { source, close } = await fileSource(zipPath);
      try {
        return await checkSource(zipPath, source, { onProgress: sample });
      } finally {
        await close();
      }
    });
    clearInterval(timer);
    const r = oursZip.value;
    if (r.kind !== 'sstu-archive' || r.summary.damaged !== 0 || r.summary.entries !== made.entries) {
      throw new Error(`bench archive misread: ${r.kind} ${JSON.stringify(r.summary)}`);
    }
    lines.push(ratio(`ССТУ archive ${mb(bytes.length)} MB (${made.entries} XML entries, ${mb(made.unpacked)} MB unpacked): CRC check + status count vs bare inflateSync`, oursZip, bareZip, 1.5));
    lines.push(
      `ССТУ archive check peak memory above baseline: heap+buffers ${mb(peak - baseline)} MB, rss ${mb(peakRss - base.rss)} MB (target < 64 MB) ${peak - baseline < 64 * 1024 ** 2 ? 'OK' : 'OVER TARGET'}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchSstu().then(
    (lines) => console.log(lines.join('\n')),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
