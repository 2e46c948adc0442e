/** The README «Для администраторов» policy snippets parse and set only what the extension understands. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManagedSchema } from '../../../lib/managed';
import { checkInn } from '../../../lib/ids/inn';
import { checkOgrn } from '../../../lib/ids/ogrn';
import config from '../../../wxt.config';

const ROOT = join(__dirname, '..', '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const admin = readme.slice(readme.indexOf('## Для администраторов'), readme.indexOf('\n## ', readme.indexOf('## Для администраторов') + 5));

function snippet(tag: string): Record<string, unknown> {
  const m = admin.match(new RegExp('```json ' + tag + '\\n([\\s\\S]*?)\\n```'));
  expect(m, `README has a \`\`\`json ${tag} block`).not.toBeNull();
  return JSON.parse(m![1]) as Record<string, unknown>;
}

/** Every managed value in a snippet is one the extension keeps (strict: no unknown or misspelt keys). */
function expectManagedValid(values: unknown): void {
  const strict = ManagedSchema.strict().safeParse(values);
  expect(strict.success, JSON.stringify(strict.error?.issues)).toBe(true);
  const parsed = ManagedSchema.parse(values);
  expect(parsed).toEqual(values); // nothing dropped as invalid
  const org = parsed.organisation ?? {};
  if (org.inn) expect(checkInn(org.inn, 10).ok).toBe(true);
  if (org.ogrn) expect(checkOgrn(org.ogrn).ok).toBe(true);
}

describe('README policy snippets for administrators', () => {
  it('Chrome/Chromium/Yandex: force-install from update.xml, 3rdparty values for the same id', () => {
    const policy = snippet('chromium-policy') as { ExtensionInstallForcelist: string[]; '3rdparty': { extensions: Record<string, unknown> } };
    expect(policy.ExtensionInstallForcelist).toHaveLength(1);
    const [id, updateUrl] = policy.ExtensionInstallForcelist[0].split(';');
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(new URL(updateUrl).protocol).toBe('https:');
    expect(updateUrl.endsWith('/update.xml')).toBe(true);
    expect(Object.keys(policy['3rdparty'].extensions)).toEqual([id]);
    expectManagedValid(policy['3rdparty'].extensions[id]);
  });

  it('Firefox policies.json: force-install and 3rdparty values under the add-on\'s gecko id', () => {
    type Gecko = { browser_specific_settings: { gecko: { id: string } } };
    const geckoId = (config.manifest as (e: object) => Gecko)({ browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' }).browser_specific_settings.gecko.id;
    const { policies } = snippet('firefox-policies') as {
      policies: { ExtensionSettings: Record<string, { installation_mode: string; install_url: string }>; '3rdparty': { Extensions: Record<string, unknown> } };
    };
    expect(policies.ExtensionSettings[geckoId].installation_mode).toBe('force_installed');
    expect(new URL(policies.ExtensionSettings[geckoId].install_url).protocol).toBe('https:');
    expect(Object.keys(policies['3rdparty'].Extensions)).toEqual([geckoId]);
    expectManagedValid(policies['3rdparty'].Extensions[geckoId]);
  });

  it('names the host-permission limit and the self-hosted command', () => {
    expect(admin).toContain('runtime_allowed_hosts');
    expect(admin).toContain('«нет доступа»');
    expect(admin).toContain('npm run self-hosted -- --key');
  });
});
