import { describe, expect, it } from 'vitest';
import { metadataBlock, usedGrants } from '../../../userscript/metadata';

describe('userscript metadata block', () => {
  it('grants only the userscript-manager names the code uses', () => {
    expect(usedGrants('GM_getValue("a");x.GM_setValue;unsafeWindow.URL;GM_getValue(1)')).toEqual(['GM_getValue', 'GM_setValue', 'unsafeWindow']);
    expect(usedGrants('console.log(1)')).toEqual([]);
  });

  it('matches the built-in portal hosts, runs at document start in the page, never in frames', () => {
    const block = metadataBlock({ version: '1.2.3', description: 'd', grants: ['GM_getValue'] });
    const lines = block.split('\n');
    expect(lines[0]).toBe('// ==UserScript==');
    expect(lines.at(-1)).toBe('// ==/UserScript==');
    const values = (key: string) => lines.filter((l) => l.startsWith(`// @${key} `)).map((l) => l.slice(`// @${key} `.length).trim());
    expect(values('version')).toEqual(['1.2.3']);
    expect(values('match')).toEqual(['https://tor.knd.gov.ru/*', 'https://pos.gosuslugi.ru/*', 'https://*.egisso.ru/*']);
    expect(values('grant')).toEqual(['GM_getValue']);
    expect(values('run-at')).toEqual(['document-start']);
    expect(lines).toContain('// @noframes');
    expect(metadataBlock({ version: '1', description: 'd', grants: [] })).toContain('// @grant        none');
  });
});
