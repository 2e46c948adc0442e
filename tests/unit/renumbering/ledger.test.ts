import { describe, expect, it } from 'vitest';
import { checkFixture } from './helpers';
import { buildLedger, ledgerCounts, LedgerSchema } from '../../../lib/renumbering/ledger';
import { applyTogether } from '../../../lib/checks/registry';
import type { CheckReport } from '../../../lib/checks/report';
import { licenceNumbers } from '../../../scripts/fixtures/renumbering';

async function batch(...names: string[]): Promise<CheckReport[]> {
  return applyTogether(await Promise.all(names.map(checkFixture)));
}

describe('renumbering ledger', () => {
  it('export → ЕРУЛ result → import: every state, Latin «L» matched', async () => {
    const ledger = buildLedger(await batch('batch-export.zip', 'batch-erul.json', 'batch-import.json'))!;
    expect(LedgerSchema.parse(ledger)).toEqual(ledger);
    expect({ ...ledger, licences: undefined }).toEqual({ renumbered: 7, imported: 5, importMismatch: 1, notImported: 1, licences: undefined });
    expect(ledgerCounts(ledger)).toEqual({ imported: 5, importMismatch: 1, notImported: 1, alreadyInErul: 2, failed: 1, exportedOnly: 2 });
    const byOld = new Map(ledger.licences.map((l) => [l.old, l]));
    expect(byOld.get(licenceNumbers(100).old)).toEqual({ ...licenceNumbers(100), state: 'imported' });
    expect(byOld.get(licenceNumbers(105).old)?.state).toBe('importMismatch');
    expect(byOld.get(licenceNumbers(106).old)?.state).toBe('notImported');
    expect(byOld.get(licenceNumbers(111).old)).toEqual({ old: licenceNumbers(111).old, new: '', state: 'exportedOnly' });
    expect(ledger.licences).toHaveLength(12);
  });

  it('works across days: reports checked separately, in any order', async () => {
    const day1 = await batch('batch-export.zip');
    const day2 = await batch('batch-erul.json');
    const day3 = await batch('batch-import.json');
    const a = buildLedger([...day1, ...day2, ...day3])!;
    const b = buildLedger([...day3, ...day1, ...day2])!;
    expect(ledgerCounts(a)).toEqual(ledgerCounts(b));
    expect(a.renumbered).toBe(7);
  });

  it('without ЕРУЛ results, exported licences are «exported only»; without renumbering files there is no ledger', async () => {
    const l = buildLedger(await batch('export-ok.zip'))!;
    expect(l.licences).toHaveLength(270);
    expect(l.licences.every((x) => x.state === 'exportedOnly')).toBe(true);
    expect(buildLedger([{ file: 'x', kind: 'unknown', verdict: 'warn', summary: {}, findings: [] }])).toBeUndefined();
  });

  it('a later successful ЕРУЛ result wins over an earlier failure of the same licence', () => {
    const old = licenceNumbers(1).old;
    const rep = (outcome: 'failed' | 'renumbered', nw: string): CheckReport => ({
      file: outcome,
      kind: 'erul-renumbering-result',
      verdict: 'ok',
      summary: {},
      findings: [],
      records: [{ old, new: nw, outcome, error: outcome === 'failed' ? 'Ошибка' : '' }],
    });
    const l = buildLedger([rep('failed', ''), rep('renumbered', licenceNumbers(1).new)])!;
    expect(l.licences).toEqual([{ old, new: licenceNumbers(1).new, state: 'notImported' }]);
  });

  it('10,000 result files dropped at once: one ledger, every licence once', () => {
    const reports: CheckReport[] = [];
    for (let f = 0; f < 10_000; f++) {
      const n = licenceNumbers(f);
      reports.push({ file: `r${f}.json`, kind: 'erul-renumbering-result', verdict: 'ok', summary: {}, findings: [], records: [{ ...n, outcome: 'renumbered', error: '' }] });
      if (f % 2) reports.push({ file: `i${f}.json`, kind: 'tor-knd-import-result', verdict: 'ok', summary: {}, findings: [], records: [{ ...n, outcome: 'renumbered', error: '', status: 'success', description: '' }] });
    }
    const l = buildLedger(reports)!;
    expect(l.licences).toHaveLength(10_000);
    expect(l).toMatchObject({ renumbered: 10_000, imported: 5_000, notImported: 5_000 });
  });

  it('50,000 licences over 250 files in well under a second', () => {
    const reports: CheckReport[] = [];
    for (let f = 0; f < 250; f++) {
      const records = Array.from({ length: 200 }, (_, k) => {
        const n = licenceNumbers(f * 200 + k);
        return { old: n.old, new: n.new, outcome: 'renumbered' as const, error: '' };
      });
      reports.push({ file: `r${f}`, kind: f % 2 ? 'erul-renumbering-result' : 'tor-knd-import-result', verdict: 'ok', summary: {}, findings: [], records });
    }
    const t = performance.now();
    const l = buildLedger(reports)!;
    const ms = performance.now() - t;
    expect(l.licences).toHaveLength(50_000);
    expect(ms).toBeLessThan(3000); // a sanity bound on a shared, loaded machine; npm run bench measures the 300 ms target
  });
});
