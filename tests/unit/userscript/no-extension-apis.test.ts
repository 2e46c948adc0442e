/**
 * The userscript is built from the same lib/ and components/ as the extension: none of the modules it pulls
 * in may touch extension APIs (they do not exist in a portal page and would break the whole script). Walks the
 * import graph from userscript/main.ts (static and dynamic imports) over the project's own files.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
const EXTENSION_API = /\b(?:browser|chrome)\.(?:runtime|storage|tabs|downloads|action|alarms|scripting|permissions|notifications)\b/;

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && /\.(tsx?|css)$/.test(candidate)) return candidate;
  }
  throw new Error(`cannot resolve ${spec} from ${relative(ROOT, from)}`);
}

/** Every project module reachable from the entry, with the packages each imports. */
function importGraph(entry: string): Map<string, { packages: string[]; source: string; from: string | null }> {
  const seen = new Map<string, { packages: string[]; source: string; from: string | null }>();
  const queue: [string, string | null][] = [[entry, null]];
  while (queue.length) {
    const [file, from] = queue.shift()!;
    if (seen.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    const packages: string[] = [];
    seen.set(file, { packages, source, from });
    if (file.endsWith('.css')) continue;
    for (const m of source.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const local = resolveImport(file, spec);
      if (local) queue.push([local, file]);
      else packages.push(spec);
    }
  }
  return seen;
}

function chain(graph: ReturnType<typeof importGraph>, file: string): string {
  const path: string[] = [];
  for (let f: string | null = file; f; f = graph.get(f)?.from ?? null) path.unshift(relative(ROOT, f));
  return path.join(' → ');
}

describe('the userscript build pulls no module that touches extension APIs', () => {
  const graph = importGraph(join(ROOT, 'userscript', 'main.ts'));

  it('reaches the shared in-page components and lib checks (the walk itself works)', () => {
    const files = [...graph.keys()].map((f) => relative(ROOT, f));
    expect(files).toContain('components/inpage/decorate-links.tsx');
    expect(files).toContain('components/inpage/VerdictPanel.tsx');
    expect(files).toContain('components/ReportView.tsx');
    expect(files).toContain('lib/checks/registry.ts');
    expect(files.length).toBeGreaterThan(60);
  });

  it('imports no wxt module, nothing from platform/ and no extension API call', () => {
    const offenders: string[] = [];
    for (const [file, { packages, source }] of graph) {
      const rel = relative(ROOT, file);
      if (rel.startsWith('platform/')) offenders.push(`${chain(graph, file)} (platform/ is the extension's side)`);
      for (const p of packages) if (p === 'wxt' || p.startsWith('wxt/') || p.startsWith('@wxt-dev/')) offenders.push(`${chain(graph, file)} imports ${p}`);
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (EXTENSION_API.test(code)) offenders.push(`${chain(graph, file)} calls ${code.match(EXTENSION_API)![0]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('the walk notices an offender', () => {
    // the extension's own portal-page script is the counter-example: it must be flagged
    const ext = importGraph(join(ROOT, 'platform', 'portal-page.tsx'));
    const flagged = [...ext.values()].some(({ packages }) => packages.includes('wxt/browser'));
    expect(flagged).toBe(true);
  });
});
