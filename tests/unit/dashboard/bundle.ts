/**
 * What a built page loads: every script of its HTML (module or classic), every chunk they import
 * statically, and the extension's root scripts they add themselves (`script.src = '/popup-cards.js'`).
 * Dynamic import() of chunks is not followed: it loads only on demand. Used by the unit and e2e tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Code that must never be in the popup: SheetJS, fflate (zip), saxes (XML). */
export const HEAVY_MARKERS: readonly { lib: string; marker: string }[] = [
  { lib: 'SheetJS', marker: 'SheetJS' },
  { lib: 'SheetJS', marker: 'sheet_to_json' },
  { lib: 'SheetJS', marker: 'xl/workbook.xml' },
  { lib: 'fflate (zip)', marker: 'invalid zip data' },
  { lib: 'fflate (zip)', marker: 'invalid distance' },
  { lib: 'saxes (XML)', marker: 'SaxesParser' },
  { lib: 'saxes (XML)', marker: 'unclosed tag' },
];

export function pageChunks(extDir: string, page: string): Map<string, string> {
  const html = readFileSync(join(extDir, page), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => posix.normalize(m[1].replace(/^\//, '')));
  if (entries.length === 0) throw new Error(`no script in ${page}`);
  const out = new Map<string, string>();
  const queue = [...entries];
  while (queue.length) {
    const rel = queue.shift()!;
    if (out.has(rel)) continue;
    const path = join(extDir, rel);
    if (!existsSync(path)) throw new Error(`chunk ${rel} missing`);
    const code = readFileSync(path, 'utf8');
    out.set(rel, code);
    // static imports only: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`
    for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*${},\s]+from\s*)?["']([^"']+\.js)["']/g)) {
      const spec = m[1];
      const target = spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(rel), spec);
      queue.push(posix.normalize(target));
    }
    for (const m of code.matchAll(/["'`]\/([\w-]+\.js)["'`]/g)) queue.push(m[1]);
  }
  return out;
}

export function heavyCodeIn(chunks: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [file, code] of chunks) for (const { lib, marker } of HEAVY_MARKERS) if (code.includes(marker)) found.push(`${file}: ${lib} («${marker}»)`);
  return found;
}
