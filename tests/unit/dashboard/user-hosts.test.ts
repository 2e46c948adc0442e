import { describe, expect, it } from 'vitest';
import { CAPTURE_SCRIPT, isHostGranted, patternCoversHost, planUserHostScripts, PORTAL_SCRIPTS } from '../../../platform/user-hosts';

const BUILT = new Set([CAPTURE_SCRIPT, PORTAL_SCRIPTS['ecp-mis']!]);

describe('content scripts on user-added hosts', () => {
  it('reads granted origin patterns as the browser does', () => {
    expect(patternCoversHost('https://ecp.region.ru/*', 'ecp.region.ru')).toBe(true);
    expect(patternCoversHost('https://ecp.region.ru/*', 'evil.ru')).toBe(false);
    expect(patternCoversHost('https://*.region.ru/*', 'ecp.region.ru')).toBe(true);
    expect(patternCoversHost('https://*.region.ru/*', 'region.ru')).toBe(true);
    expect(patternCoversHost('https://*.region.ru/*', 'xregion.ru')).toBe(false);
    expect(patternCoversHost('https://*/*', 'anything.ru')).toBe(true);
    expect(patternCoversHost('<all_urls>', 'anything.ru')).toBe(true);
    expect(patternCoversHost('http://ecp.region.ru/*', 'ecp.region.ru')).toBe(false);
    expect(isHostGranted('ecp.region.ru', ['https://tor.knd.gov.ru/*'])).toBe(false);
  });

  it('registers scripts only for granted hosts of portals whose script is built', () => {
    const hosts = [
      { portal: 'ecp-mis' as const, host: 'ecp.region.ru' },
      { portal: 'ecp-mis' as const, host: 'ecp2.region.ru' },
      { portal: 'ecp-mis' as const, host: 'not-granted.ru' },
      { portal: 'erul' as const, host: 'erul.region.ru' },
    ];
    const plans = planUserHostScripts(hosts, ['https://ecp.region.ru/*', 'https://ecp2.region.ru/*', 'https://erul.region.ru/*'], BUILT);
    expect(plans.map((p) => [p.id, p.js[0], p.matches, p.runAt, p.world ?? 'ISOLATED'])).toEqual([
      ['sverka-user-ecp-mis-capture', CAPTURE_SCRIPT, ['https://ecp.region.ru/*', 'https://ecp2.region.ru/*'], 'document_start', 'MAIN'],
      ['sverka-user-ecp-mis', 'content-scripts/ecp-mis.js', ['https://ecp.region.ru/*', 'https://ecp2.region.ru/*'], 'document_idle', 'ISOLATED'],
    ]); // erul: granted, but no erul.js in this build
    expect(planUserHostScripts(hosts, [], BUILT)).toEqual([]);
    expect(planUserHostScripts(hosts, ['https://*/*'], new Set([...BUILT, 'content-scripts/erul.js'])).map((p) => p.id)).toEqual([
      'sverka-user-ecp-mis-capture',
      'sverka-user-ecp-mis',
      'sverka-user-erul-capture',
      'sverka-user-erul',
    ]);
  });
});
