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

async function timeIt(fn: () => Promise<unknown> | unknown, runs = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
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
  const mb = bytes.length / 1024 ** 2;
  let total = 0;
  const check = await timeIt(async () => {
    const r = await checkSource('erul-region.json', bytesSource(bytes));
    total = Number(r.summary.total);
  }, 5);
  const bare = await timeIt(() => JSON.parse(new TextDecoder().decode(bytes)), 5);
  const reports = ledgerReports();
  let licences = 0;
  const ledger = await timeIt(() => {
    licences = buildLedger(reports)!.licences.length;
  }, 5);
  const ratio = check / bare;
  return [
    `renumbering: ЕРУЛ result ${mb.toFixed(1)} MB, ${OBJECTS.toLocaleString('en')} objects (${total} licences): check ${check.toFixed(0)} ms vs JSON.parse ${bare.toFixed(0)} ms = ${ratio.toFixed(2)}× (target ≤ 2×) ${ratio <= 2 ? 'OK' : 'OVER TARGET'}`,
    `renumbering: ledger of ${licences.toLocaleString('en')} licences over 250 files (+ exports and imports): ${ledger.toFixed(0)} ms (target ≤ 300 ms) ${ledger <= 300 ? 'OK' : 'OVER TARGET'}`,
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  benchRenumbering().then((lines) => console.log(lines.join('\n')));
}
