/**
 * Speed of the renumbering checks (issue 3):
 * 1. a region-wide ЕРУЛ result (~36 MB, 400,000 objects) checked end to end (bytes → decode → detect → parse →
 *    pairing walk → records → zod-validated report) against a bare JSON.parse of the same bytes (decoded with
 *    TextDecoder, as any parse of bytes must be). Target: ≤ 2×.
 * 2. the ledger of 50,000 licences over 250 files (export, ЕРУЛ results and import results). Target: ≤ 300 ms.
 * Inputs are generated in memory.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { erulResultText, licenceNumbers, ALREADY, type ErulRow } from '../fixtures/renumbering';
import { checkSource } from '../../lib/checks/registry';
import { bytesSource } from '../../lib/formats/source';
import { buildLedger } from '../../lib/renumbering/ledger';
import type { CheckReport, LicenceRecord } from '../../lib/checks/report';
import { MB, peakMemory, ratioLine } from './measure';

const OBJECTS = 400_000;

/**
 * A region-wide result: 200,000 licences (400,000 alternating objects, indented as in figure 13), half of them
 * already in ЕРУЛ (their long error text is what makes such a file ~36 MB), a few other errors.
 */
export function bigErulResult(pairs = OBJECTS / 2): string {
  const rows: ErulRow[] = new Array(pairs);
  for (let i = 0; i < pairs; i++) {
    const n = licenceNumbers(i);
    if (i % 2 === 0) rows[i] = { old: n.old, new: '', error: ALREADY };
    else if (i % 1000 === 7) rows[i] = { old: n.old, new: '', error: 'Внутренняя ошибка сервиса ЕРУЛ' };
    else rows[i] = { ...n, error: '' };
  }
  return erulResultText(rows, { oldKey: 'old_number', layout: 'pretty' });
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Baseline and ours alternately (same background load for both), best of each; gc outside the timing. */
async function alternate(runs: number, base: () => unknown, ours: () => unknown): Promise<{ base: number; ours: number }> {
  let b = Infinity;
  let o = Infinity;
  for (let i = 0; i < runs; i++) {
    gc();
    let t = performance.now();
    await base();
    b = Math.min(b, performance.now() - t);
    gc();
    t = performance.now();
    await ours();
    o = Math.min(o, performance.now() - t);
  }
  return { base: b, ours: o };
}

function ledgerReports(): CheckReport[] {
  const reports: CheckReport[] = [];
  const FILES = 250;
  const PER = 200;
  // 250 ЕРУЛ results of 200 licences each = 50,000 licences; plus the exports and imports of the same licences
  for (let f = 0; f < FILES; f++) {
    const erul: LicenceRecord[] = [];
    const imp: LicenceRecord[] = [];
    const exported: string[] = [];
    for (let k = 0; k < PER; k++) {
      const i = f * PER + k;
      const n = licenceNumbers(i);
      exported.push(n.old);
      if (i % 10 === 9) continue; // exported only
      if (i % 10 === 8) {
        erul.push({ old: n.old, new: '', outcome: 'alreadyInErul', error: ALREADY });
        continue;
      }
      erul.push({ old: n.old, new: n.new, outcome: 'renumbered', error: '' });
      if (i % 10 < 6) imp.push({ old: n.old, new: n.new, outcome: 'renumbered', error: '', status: 'success', description: '' });
    }
    const base = { verdict: 'ok' as const, summary: {}, findings: [] };
    reports.push({ ...base, file: `export-${f}.zip`, kind: 'tor-knd-registry-export', details: { licences: exported } });
    reports.push({ ...base, file: `erul-${f}.json`, kind: 'erul-renumbering-result', records: erul });
    reports.push({ ...base, file: `import-${f}.json`, kind: 'tor-knd-import-result', records: imp });
  }
  return reports;
}

export async function benchRenumbering(): Promise<string[]> {
  const text = bigErulResult();
  const bytes = new TextEncoder().encode(text);
  const mb = bytes.length / MB;
  let total = 0;
  const t = await alternate(
    7,
    () => JSON.parse(new TextDecoder().decode(bytes)),
    async () => {
      const r = await checkSource('erul-region.json', bytesSource(bytes));
      total = Number(r.summary.total);
    },
  );
  const memBase = await peakMemory(async (sample) => {
    const v = JSON.parse(new TextDecoder().decode(bytes));
    sample();
    return v;
  });
  const memOurs = await peakMemory(async (sample) => {
    const r = await checkSource('erul-region.json', bytesSource(bytes));
    sample();
    return r;
  });
  const reports = ledgerReports();
  let licences = 0;
  let ledger = Infinity;
  for (let i = 0; i < 5; i++) {
    gc();
    const t0 = performance.now();
    licences = buildLedger(reports)!.licences.length;
    ledger = Math.min(ledger, performance.now() - t0);
  }
  return [
    ratioLine(
      `renumbering: ЕРУЛ result ${mb.toFixed(1)} MB, ${OBJECTS.toLocaleString('en')} objects (${total} licences) checked vs bare JSON.parse of the same bytes`,
      t.ours,
      t.base,
      2,
      `; peak memory ${(memOurs / MB).toFixed(0)} MB vs ${(memBase / MB).toFixed(0)} MB`,
    ),
    `renumbering: ledger of ${licences.toLocaleString('en')} licences over 250 files (+ exports and imports): ${ledger.toFixed(0)} ms (target ≤ 300 ms) ${ledger <= 300 ? 'OK' : 'OVER TARGET'}`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  benchRenumbering().then((lines) => console.log(lines.join('\n')));
}
