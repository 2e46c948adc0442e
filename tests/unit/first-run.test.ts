import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setupLines } from '../../scripts/setup-done';
import { formatDate, formatDateTime } from '../../lib/dates';

const ROOT = join(__dirname, '..', '..');

describe('first run', () => {
  it('setup ends with where the extension is and one line each for Chrome/Yandex and Firefox', () => {
    const lines = setupLines('/x/.output/chrome-mv3', '/x/.output/firefox-mv2', false);
    expect(lines[0]).toContain('/x/.output/chrome-mv3');
    expect(lines.filter((l) => /^Chrome \/ Яндекс Браузер: .*chrome:\/\/extensions.*\/x\/\.output\/chrome-mv3$/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^Firefox: .*about:debugging.*firefox-mv2\/manifest\.json$/.test(l))).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.setup).toMatch(/scripts\/setup-done\.ts$/);
  });

  it('every extension page is in Russian (lang="ru")', () => {
    const dirs = readdirSync(join(ROOT, 'entrypoints'), { withFileTypes: true }).filter((d) => d.isDirectory());
    const pages = dirs.map((d) => join(ROOT, 'entrypoints', d.name, 'index.html')).filter((p) => {
      try {
        readFileSync(p);
        return true;
      } catch {
        return false;
      }
    });
    expect(pages.length).toBeGreaterThan(4);
    for (const p of pages) expect(readFileSync(p, 'utf8'), p).toMatch(/<html lang="ru">/);
  });

  it('dates read as officials write them', () => {
    const at = new Date(2019, 5, 21, 10, 30).getTime();
    expect(formatDateTime(at)).toBe('21.06.2019 10:30');
    expect(formatDate(at)).toBe('21.06.2019');
  });
});
