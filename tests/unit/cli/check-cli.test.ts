import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fixturePath } from '../fixture-path';

const ROOT = join(__dirname, '..', '..', '..');

function run(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli', 'check.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run check (contract)', () => {
  it('--json prints exactly one JSON document with an entry per file; exit 1 when one has verdict error', () => {
    const r = run(['--json', fixturePath('formats', 'truncated.json'), fixturePath('formats', 'utf8.json')]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.files).toHaveLength(2);
    expect(doc.files[0]).toMatchObject({ file: fixturePath('formats', 'truncated.json'), kind: 'unknown', verdict: 'error' });
    expect(doc.files[0].findings[0]).toMatchObject({ severity: 'error', code: 'unreadable' });
    expect(doc.files[1].verdict).toBe('warn');
    expect(doc.ledger).toBeUndefined();
  });

  it('exit 0 when no file has verdict error', () => {
    const r = run(['--json', fixturePath('formats', 'utf8.json')]);
    expect(r.code).toBe(0);
  });

  it('exit 2 for a usage error and for an unreadable path, still one JSON document', () => {
    expect(run([]).code).toBe(2);
    expect(run(['--bogus', 'x']).code).toBe(2);
    const r = run(['--json', '/nonexistent/файл.json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0]).toMatchObject({ verdict: 'error', kind: 'unknown' });
  });

  it('without --json prints a Russian summary per file', () => {
    const r = run([fixturePath('formats', 'truncated.json')]);
    expect(r.stdout).toContain('Итог: нужно действие');
    expect(r.stdout).toContain('строка 3, столбец 16');
  });
});
