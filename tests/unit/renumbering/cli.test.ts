import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DIR } from './helpers';

const ROOT = join(__dirname, '..', '..', '..');

function run(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli', 'check.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const f = (name: string) => join(DIR, name);

describe('npm run check: renumbering files (contract)', () => {
  it('--json: kinds, summaries, records, verdicts and the ledger of files given together', () => {
    const r = run(['--json', f('batch-export.zip'), f('batch-erul.json'), f('batch-import.json')]);
    expect(r.code).toBe(1); // the ЕРУЛ result has one failed licence
    const doc = JSON.parse(r.stdout);
    expect(doc.files.map((x: { kind: string }) => x.kind)).toEqual(['tor-knd-registry-export', 'erul-renumbering-result', 'tor-knd-import-result']);
    expect(doc.files[0]).toMatchObject({ verdict: 'ok', summary: { licences: 12, files: 1, overLimitFiles: 0, duplicates: 0, invalidNumbers: 0 } });
    expect(doc.files[1]).toMatchObject({ verdict: 'error', summary: { total: 10, renumbered: 7, alreadyInErul: 2, failed: 1, pairingProblems: 0 } });
    expect(doc.files[2]).toMatchObject({ verdict: 'ok', summary: { total: 8, success: 6, alreadyInErul: 2, failed: 0 } });
    // records exactly as the contract: no internal fields; status/description only for the import result
    expect(Object.keys(doc.files[1].records[0]).sort()).toEqual(['error', 'new', 'old', 'outcome']);
    expect(Object.keys(doc.files[2].records[0]).sort()).toEqual(['description', 'error', 'new', 'old', 'outcome', 'status']);
    expect(doc.files[1].findings.find((x: { code: string }) => x.code === 'already-in-erul').severity).toBe('info');
    expect(doc.ledger).toMatchObject({ renumbered: 7, imported: 5, importMismatch: 1, notImported: 1 });
    expect(doc.ledger.licences).toHaveLength(12);
    const states = doc.ledger.licences.map((l: { state: string }) => l.state);
    expect(states.filter((s: string) => s === 'exportedOnly')).toHaveLength(2);
  });

  it('exit 0 for a clean result; bad inputs get an entry with verdict error, never a crash', () => {
    expect(run(['--json', f('erul-clean.json')]).code).toBe(0);
    const r = run(['--json', f('erul-truncated.json'), f('export-damaged.zip'), f('erul-fragment.txt'), f('erul-utf16le.json')]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.files).toHaveLength(4);
    for (const x of doc.files.slice(0, 3)) {
      expect(x.verdict).toBe('error');
      expect(x.findings.some((y: { code: string }) => y.code === 'unreadable')).toBe(true);
    }
    expect(doc.files[3].summary).toMatchObject({ total: 10, renumbered: 6 });
  });

  it('without --json prints the Russian summary and the ledger', () => {
    const r = run([f('batch-erul.json'), f('batch-import.json')]);
    expect(r.stdout).toContain('Результат переприсвоения номеров лицензий (ЕРУЛ)');
    expect(r.stdout).toContain('Сводка по переприсвоению');
  });
});
