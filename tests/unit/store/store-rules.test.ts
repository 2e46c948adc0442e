/** What store review rejects, checked on the sources (the built packages are checked in tests/package/). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

const ROOT = join(__dirname, '..', '..', '..');

type ManifestFn = (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Record<string, unknown>;
const manifestFor = (browser: string, manifestVersion: number) =>
  (config.manifest as ManifestFn)({ browser, manifestVersion, mode: 'production', command: 'build' });

describe('store rules on the manifest and locales', () => {
  it('keeps every locale description within the stores\' 132 characters', () => {
    for (const locale of readdirSync(join(ROOT, 'public', '_locales'))) {
      const messages = JSON.parse(readFileSync(join(ROOT, 'public', '_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect(messages.extDescription.message.length, locale).toBeLessThanOrEqual(132);
      expect(messages.extName.message.length, locale).toBeLessThanOrEqual(45);
    }
  });

  it('Chromium MV3: optional hosts only as optional_host_permissions, and the Chromium version world MAIN needs', () => {
    const m = manifestFor('chrome', 3);
    expect(m.optional_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toEqual(['https://*/*']);
    expect(Number(m.minimum_chrome_version)).toBeGreaterThanOrEqual(111);
    expect(JSON.stringify(m.host_permissions)).not.toContain('<all_urls>');
  });

  it('web-accessible: only the hand-off frame (a chosen file goes by reference), in Chromium only', () => {
    expect(manifestFor('chrome', 3).web_accessible_resources).toEqual([{ resources: ['upload-frame.html'], matches: ['https://*/*'] }]);
    expect(manifestFor('firefox', 2).web_accessible_resources).toBeUndefined();
  });

  it('Firefox: data_collection_permissions with a strict_min_version of 140 or later', () => {
    const m = manifestFor('firefox', 2) as { browser_specific_settings: { gecko: { strict_min_version: string; data_collection_permissions: unknown } } };
    const gecko = m.browser_specific_settings.gecko;
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
  });
});

/** RGBA rows of one of our own PNGs (8-bit RGBA, filter 0, as scripts/make-icons.ts writes them). */
function rgbaRows(file: string): { size: number; alpha: (x: number, y: number) => number } {
  const png = readFileSync(file);
  const size = png.readUInt32BE(16);
  const chunks: Buffer[] = [];
  for (let off = 8; off < png.length; ) {
    const len = png.readUInt32BE(off);
    if (png.toString('ascii', off + 4, off + 8) === 'IDAT') chunks.push(png.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  return { size, alpha: (x, y) => raw[y * (size * 4 + 1) + 1 + x * 4 + 3] };
}

describe('store icon', () => {
  it('128 px icon keeps its artwork in the inner 96 px and fills it', () => {
    const file = join(ROOT, 'public', 'icon', '128.png');
    expect(statSync(file).size).toBeGreaterThan(0);
    const { size, alpha } = rgbaRows(file);
    expect(size).toBe(128);
    let outside = 0;
    let inside = 0;
    for (let y = 0; y < 128; y++)
      for (let x = 0; x < 128; x++) {
        const inner = x >= 16 && x < 112 && y >= 16 && y < 112;
        if (!inner && alpha(x, y) !== 0) outside++;
        if (inner && alpha(x, y) === 255) inside++;
      }
    expect(outside).toBe(0);
    expect(inside).toBeGreaterThan(96 * 96 * 0.8);
  });
});

describe('zod runs jitless everywhere', () => {
  it('every module takes zod from lib/zod.ts (so no `new Function` probe runs in the extension)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && path !== join(ROOT, 'lib', 'zod.ts') && /from 'zod(\/[^']*)?'/.test(readFileSync(path, 'utf8'))) offenders.push(path);
      }
    };
    for (const dir of ['lib', 'platform', 'entrypoints', 'components', 'cli']) walk(join(ROOT, dir));
    expect(offenders).toEqual([]);
  });
});
