import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';

const ROOT = join(__dirname, '..', '..', '..');
const fx = (n: string) => join(FIXTURES_DIR, 'sstu', n);

function run(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'cli', 'check.ts'), ...args], { cwd: ROOT, maxBuffer: 1 << 26 }, (err, stdout) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout });
    });
  });
}

interface Doc {
  files: { file: string; kind: string; verdict: string; summary: Record<string, unknown>; topics?: unknown[]; findings: { code: string; severity: string }[] }[];
}

describe('npm run check on the ССТУ.РФ files (contract)', () => {
  it('one JSON document, one entry per file in order, the contract kinds and summaries, exit 1', async () => {
    const files = ['unbound-own.xls', 'lko-without-id.xls', 'status-inconsistent.xlsx', 'errors.xls', 'damaged/Файл_2.zip', 'session-expired.xls', 'encrypted/Файл_1.zip'];
    const { code, stdout } = await run(['--json', ...files.map(fx)]);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout) as Doc;
    expect(doc.files.map((f) => f.file)).toEqual(files.map(fx));
    expect(doc.files.map((f) => [f.kind, f.verdict])).toEqual([
      ['sstu-unbound-topics', 'error'],
      ['sstu-lko-without-id', 'error'],
      ['sstu-upload-status', 'error'],
      ['sstu-error-report', 'error'],
      ['sstu-archive', 'error'],
      ['unknown', 'error'],
      ['sstu-archive', 'error'],
    ]);
    expect(doc.files[0].summary).toEqual({ rows: 5, lko: 2, topics: 3 });
    expect(doc.files[0].topics).toHaveLength(3);
    expect(doc.files[1].summary).toEqual({ lko: 3 });
    expect(doc.files[2].summary).toMatchObject({ consistent: false });
    expect(doc.files[3].summary).toEqual({ rows: 5, connectionErrors: 2, rejected: 3, retryExpected: 1, retryNotExpected: 4 });
    expect(doc.files[4].summary).toMatchObject({ entries: 2, damaged: 1, overSizeLimit: false });
    expect(doc.files[5].findings[0].code).toBe('unreadable');
    expect(doc.files.some((f) => 'ledger' in f)).toBe(false);
    expect(stdout.trim().startsWith('{')).toBe(true);
  }, 60_000);

  it('exit 0 when every ССТУ file is ok; archives checked together report the numbering gap', async () => {
    const ok = await run(['--json', fx('status-ok.xlsx'), fx('unbound-empty.xls'), fx('archives/Файл_1.zip'), fx('archives/Файл_2.zip')]);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as Doc).files.map((f) => f.verdict)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const gap = await run(['--json', fx('gap/Файл_1.zip'), fx('gap/Файл_3.zip')]);
    expect(gap.code).toBe(0);
    const doc = JSON.parse(gap.stdout) as Doc;
    expect(doc.files.every((f) => f.findings.some((x) => x.code === 'archive-numbering-gap'))).toBe(true);
  }, 60_000);
});
