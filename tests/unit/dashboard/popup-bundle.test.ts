import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { heavyCodeIn, pageChunks } from './bundle';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const EXT = join(ROOT, '.output', 'chrome-mv3');

describe('popup bundle', () => {
  it('carries no SheetJS, zip or XML code', () => {
    if (!existsSync(join(EXT, 'popup.html')) || !existsSync(join(EXT, 'journal.html'))) {
      execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', timeout: 180_000 });
    }
    const popup = pageChunks(EXT, 'popup.html');
    // the first script, and the cards script it loads after the first render
    expect([...popup.keys()]).toEqual(expect.arrayContaining(['popup-first.js', 'popup-app.js', 'popup-cards.js']));
    // the first script paints the stored lines as they are: small, without the wording code or a framework
    const first = popup.get('popup-first.js')!;
    expect(first.length).toBeLessThan(12_000);
    expect(first).not.toContain('переприсвоен');
    expect(first).not.toContain('__k'); // Preact's vnode children
    expect(heavyCodeIn(popup)).toEqual([]);
    // the check itself can fail: the report page does carry them
    expect(heavyCodeIn(pageChunks(EXT, 'report.html')).length).toBeGreaterThan(0);
  }, 200_000);
});
