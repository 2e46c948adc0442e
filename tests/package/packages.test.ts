/**
 * The store packages `npm run zip` made (test-all.sh runs it before this file): what AMO and the Chrome Web
 * Store check, addons-linter on the Firefox package, and the AMO sources rebuild reproducing the package.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, '.output');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const zipPath = (target: string) => join(OUT, `sverka-${version}-${target}.zip`);

function readZip(target: string): Record<string, Uint8Array> {
  const path = zipPath(target);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run zip`);
  return unzipSync(new Uint8Array(readFileSync(path)));
}

interface Manifest {
  manifest_version: number;
  optional_permissions?: string[];
  minimum_chrome_version?: string;
  content_scripts?: { world?: string }[];
  browser_specific_settings?: { gecko?: { strict_min_version?: string; data_collection_permissions?: unknown } };
  icons?: Record<string, string>;
}
const manifestOf = (files: Record<string, Uint8Array>) => JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;

describe('store packages', () => {
  it('npm run zip made the Chrome, AMO and sources packages', () => {
    for (const target of ['chrome', 'firefox', 'sources']) {
      const size = statSync(zipPath(target)).size;
      console.log(`package ${target}: ${(size / 1024).toFixed(0)} KiB`);
      expect(size).toBeGreaterThan(10_000);
    }
    const sources = readZip('sources');
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md', 'PRIVACY.md']) expect(Object.keys(sources)).toContain(needed);
    expect(Object.keys(sources).some((f) => f.startsWith('node_modules/') || f.startsWith('.output/'))).toBe(false);
  });

  it('Chrome package: MV3 with no optional_permissions, and the Chromium version its world MAIN script needs', () => {
    const m = manifestOf(readZip('chrome'));
    expect(m.manifest_version).toBe(3);
    expect(m.optional_permissions).toBeUndefined();
    expect(m.content_scripts?.some((c) => c.world === 'MAIN')).toBe(true);
    expect(Number(m.minimum_chrome_version)).toBeGreaterThanOrEqual(111);
    expect(m.icons?.['128']).toBeDefined();
  });

  it('AMO package: Firefox 140+ for data_collection_permissions (world MAIN needs 128)', () => {
    const m = manifestOf(readZip('firefox'));
    expect(m.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(parseFloat(m.browser_specific_settings?.gecko?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(140);
  });

  it('addons-linter: no errors, and every remaining warning is named in the README with why', () => {
    let out: string;
    try {
      out = execFileSync(join(ROOT, 'node_modules', '.bin', 'addons-linter'), ['--output', 'json', zipPath('firefox')], { encoding: 'utf8', maxBuffer: 16 << 20 });
    } catch (err) {
      out = (err as { stdout?: string }).stdout ?? ''; // exits non-zero on errors; the JSON says which
    }
    const result = JSON.parse(out) as { errors: { code: string; message: string }[]; warnings: { code: string; file?: string }[] };
    expect(result.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### addons-linter'));
    expect(section.length).toBeLessThan(readme.length);
    const unexplained = [...new Set(result.warnings.map((w) => w.code))].filter((code) => !section.includes(code));
    expect(unexplained).toEqual([]);
    console.log(`addons-linter: 0 errors, ${result.warnings.length} warnings (${[...new Set(result.warnings.map((w) => w.code))].join(', ')})`);
  });

  it('the AMO sources zip rebuilds the Firefox package byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sverka-amo-rebuild-'));
    try {
      for (const [name, bytes] of Object.entries(readZip('sources'))) {
        if (name.endsWith('/')) continue;
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), bytes);
      }
      // the reviewer runs `npm ci`; the same locked packages are already here
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      // as a reviewer's shell would run it: without vitest's NODE_ENV=test and VITEST* variables
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
      execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', '-b', 'firefox'], { cwd: dir, stdio: 'ignore', env });
      const rebuilt = join(dir, '.output', 'firefox-mv2');
      const listed = (base: string, sub = ''): string[] =>
        readdirSync(join(base, sub)).flatMap((n) => (statSync(join(base, sub, n)).isDirectory() ? listed(base, join(sub, n)) : [join(sub, n)]));
      const pkg = readZip('firefox');
      const packaged = Object.keys(pkg).filter((n) => !n.endsWith('/')).sort();
      expect(listed(rebuilt).sort()).toEqual(packaged);
      const differing = packaged.filter((n) => !Buffer.from(pkg[n]).equals(readFileSync(join(rebuilt, n))));
      expect(differing).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
