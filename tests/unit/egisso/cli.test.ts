import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';

const ROOT = join(__dirname, '..', '..', '..');
const fx = (n: string) => join(FIXTURES_DIR, 'egisso', n);

function run(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'cli', 'check.ts'), ...args], { cwd: ROOT, maxBuffer: 1 << 26 }, (err, stdout) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout });
    });
  });
}

describe('npm run check on ЕГИССО protocols (contract)', () => {
  it('one JSON document, one entry per file, exit 1 when a protocol has rejected records', async () => {
    const files = ['ok-all-accepted.xml', 'errors-recorderror-1.0.3.xml', 'billion-laughs.xml', 'data-package-10.06.S.xml'].map(fx);
    const { code, stdout } = await run(['--json', ...files]);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout) as { files: { file: string; kind: string; verdict: string; summary: Record<string, unknown>; findings: { code: string }[] }[] };
    expect(doc.files.map((f) => [f.kind, f.verdict])).toEqual([
      ['egisso-protocol', 'ok'],
      ['egisso-protocol', 'error'],
      ['egisso-protocol', 'error'],
      ['egisso-package', 'error'],
    ]);
    expect(doc.files[1].summary).toEqual({ packageId: 'bfd0b898-4dda-4744-85ad-6de310f25c88', packageStatus: 3, recordNum: 5, recordNumSuccess: 3, failedRecords: 2, errors: 8, warnings: 0, byCode: { '019': 6, '026': 2 } });
    expect(doc.files[2].findings[0].code).toBe('unreadable');
  }, 60_000);

  it('exit 0 for warnings only', async () => {
    const { code, stdout } = await run(['--json', fx('warnings-only.xml')]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0].verdict).toBe('warn');
  }, 60_000);

  it('egisso-package and the extended egisso-protocol rows (contract field names)', async () => {
    const files = ['package-10.06.S-1.1.0-valid.xml', 'package-10.06.S-1.1.0-invalid.xml', 'package-10.06.S-1.0.7-withdrawn.xml', 'message-result-1.0.4.xml', 'protocol-2.3.0.xml'].map(fx);
    const { code, stdout } = await run(['--json', ...files]);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout) as { files: { kind: string; verdict: string; summary: Record<string, unknown> }[] };
    expect(doc.files.map((f) => [f.kind, f.verdict])).toEqual([
      ['egisso-package', 'ok'],
      ['egisso-package', 'error'],
      ['egisso-package', 'error'],
      ['egisso-protocol', 'error'],
      ['egisso-protocol', 'error'],
    ]);
    expect(doc.files[0].summary).toEqual({ message: '10.06.S', version: '1.1.0', withdrawn: false, elements: 7, facts: 6, problems: 0, byCheck: {} });
    expect(doc.files[1].summary).toMatchObject({ problems: 5, byCheck: { 'snils-checksum': 1, 'duplicate-uuid': 1 } });
    expect(doc.files[2].summary).toMatchObject({ version: '1.0.7', withdrawn: true });
    expect(doc.files[3].summary).toEqual({ messageRejected: true, errors: 2 });
    expect(doc.files[4].summary).toMatchObject({ packageId: '0f1e2d3c-4b5a-4987-8765-43210fedcba9', failedRecords: 1 });
  }, 60_000);
});
