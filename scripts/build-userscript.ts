/**
 * `npm run build:userscript` → .output/sverka.user.js: a plain Vite library build of userscript/main.ts (one
 * minified IIFE, Preact, lib/ and components/ inlined), wrapped in `function sverkaUserscript(){…}` so the
 * script can start its own source as a Worker, under a metadata block written from package.json and
 * lib/portals.ts. Grants are the userscript-manager names found in the built code, nothing more.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import preact from '@preact/preset-vite';
import { metadataBlock, usedGrants } from '../userscript/metadata';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const USERSCRIPT_PATH = join(ROOT, '.output', 'sverka.user.js');
/** The test build (`--mode e2e`): in-page shadow roots open so Playwright locators reach them, as for the extension. */
export const USERSCRIPT_E2E_PATH = join(ROOT, '.output', 'sverka.e2e.user.js');
/** The issue's bound: SheetJS and the zip/XML code are the bulk. */
export const USERSCRIPT_MAX_BYTES = 1024 * 1024;

export async function buildUserscript(mode: 'production' | 'e2e' = 'production'): Promise<{ path: string; bytes: number }> {
  const path = mode === 'e2e' ? USERSCRIPT_E2E_PATH : USERSCRIPT_PATH;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; description: string };
  const result = await build({
    configFile: false,
    root: ROOT,
    mode,
    logLevel: 'warn',
    plugins: [preact()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: join(ROOT, 'userscript', 'main.ts'), formats: ['iife'], name: 'sverka', fileName: () => 'sverka.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`expected one chunk, got ${chunks.length}`);
  const code = chunks[0].code.trim();
  const header = metadataBlock({ version: pkg.version, description: pkg.description, grants: usedGrants(code) });
  const script = `${header}\n\n(function sverkaUserscript() {\n${code}\n})();\n`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, script);
  return { path, bytes: Buffer.byteLength(script) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { path, bytes } = await buildUserscript(process.argv.includes('--e2e') ? 'e2e' : 'production');
  const kb = (bytes / 1024).toFixed(0);
  console.log(`built ${path.replace(`${ROOT}/`, '')}: ${kb} KB (limit ${USERSCRIPT_MAX_BYTES / 1024} KB)`);
  if (bytes > USERSCRIPT_MAX_BYTES) {
    console.error('the userscript is over its size limit');
    process.exit(1);
  }
}
