/**
 * The CLI checks every file in a worker with a watchdog (cli/isolated.ts). Input: hostile/bitflip.xls —
 * sstu/unbound-own.xls (5,632 bytes) with bit 6 of byte 3055 flipped, on which SheetJS's formula parser loops
 * forever (no pre-validation of BIFF is possible) — then tiny-damaged.xlsx, then a sound JSON file.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fixturePath } from '../fixture-path';

const ROOT = join(__dirname, '..', '..', '..');

describe('CLI isolation: a file that freezes SheetJS is stopped, the next file is checked', () => {
  it('bitflip.xls → «Файл слишком сложный для проверки…», the others as usual, exit 1, one JSON document, quiet stderr', () => {
    const files = [fixturePath('hostile', 'bitflip.xls'), fixturePath('hostile', 'tiny-damaged.xlsx'), fixturePath('formats', 'utf8.json')];
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli', 'check.ts'), '--json', ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
      // a 5 s watchdog floor keeps the test short; the clock starts when the worker starts the check
      env: { ...process.env, SVERKA_CHECK_FLOOR_MS: '5000', SVERKA_DEBUG: '' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { files: { file: string; verdict: string; kind: string; findings: { code: string; message: string }[]; details?: Record<string, unknown> }[] };
    expect(doc.files.map((f) => f.file)).toEqual(files);
    const [hang, damaged, sound] = doc.files;
    expect(hang).toMatchObject({ verdict: 'error', details: { cause: 'too-complex', stopped: 'time' } });
    expect(hang.findings[0].code).toBe('unreadable');
    expect(hang.findings[0].message).toMatch(/^Файл слишком сложный для проверки: проверка шла дольше отведённого времени/);
    expect(damaged.findings[0].message).toBe('Таблица Excel (.xlsx) повреждена и не открывается. Скачайте файл заново.');
    expect(sound).toMatchObject({ kind: 'unknown', verdict: 'warn' });
    expect(sound.findings[0].code).toBe('unknown-kind');
  }, 300_000);
});
