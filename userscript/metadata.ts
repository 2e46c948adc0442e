/** The userscript's metadata block: what Tampermonkey / Violentmonkey read before installing. */
import { fixedPortalMatchPatterns } from '../lib/portals';

/** The userscript-manager names a bundle may use; the build grants those it finds in the built code. */
const GRANTABLE = /\b(GM_[A-Za-z]+|unsafeWindow)\b/g;

export function usedGrants(code: string): string[] {
  return [...new Set(code.match(GRANTABLE) ?? [])].sort();
}

export interface MetadataInput {
  version: string;
  description: string;
  grants: readonly string[];
}

export function metadataBlock({ version, description, grants }: MetadataInput): string {
  const lines: [string, string][] = [
    ['name', 'Сверка'],
    ['namespace', 'sverka.local'],
    ['version', version],
    ['description', description],
    ...fixedPortalMatchPatterns().map((m): [string, string] => ['match', m]),
    ...(grants.length ? grants : ['none']).map((g): [string, string] => ['grant', g]),
    // the blob hook patches the page's own URL.createObjectURL: run in the page's world, before its scripts
    ['run-at', 'document-start'],
    ['inject-into', 'page'],
    ['sandbox', 'JavaScript'],
    ['noframes', ''],
  ];
  const width = Math.max(...lines.map(([k]) => k.length)) + 2;
  return ['// ==UserScript==', ...lines.map(([k, v]) => `// @${k.padEnd(width)}${v}`.trimEnd()), '// ==/UserScript=='].join('\n');
}
