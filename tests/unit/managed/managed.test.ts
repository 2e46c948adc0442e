import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyManaged, isHostLocked, parseManaged, withoutManaged } from '../../../lib/managed';
import { parseSettings } from '../../../lib/settings';

const local = parseSettings({
  profile: { orgName: 'Своё название', inn: '', ogrn: '', region: 'Тверская область', contact: 'Иванова, 8 (4822) 00-00-00' },
  retentionDays: 30,
  autoCheck: { pos: false },
  userHosts: [{ portal: 'erul', host: 'erul.my.ru' }],
});

const policy = {
  organisation: { orgName: 'ГКУ «Центр социальных выплат»', inn: '6901000000', ogrn: '1026900000000' },
  userHosts: [{ portal: 'ecp-mis', host: 'https://ECP.Region.ru/login' }, { portal: 'erul', host: 'erul.my.ru' }],
  autoCheck: { egisso: false },
  retentionDays: 180,
};

describe('managed settings (organisation policy)', () => {
  it('managed values win and are marked locked; the official keeps the rest', () => {
    const { settings, locked } = applyManaged(local, policy);
    expect(settings.profile).toEqual({ orgName: 'ГКУ «Центр социальных выплат»', inn: '6901000000', ogrn: '1026900000000', region: 'Тверская область', contact: 'Иванова, 8 (4822) 00-00-00' });
    expect([...locked.profile].sort()).toEqual(['inn', 'ogrn', 'orgName']);
    expect(settings.retentionDays).toBe(180);
    expect(locked.retentionDays).toBe(true);
    expect(settings.autoCheck).toEqual({ pos: false, egisso: false });
    expect([...locked.autoCheck]).toEqual(['egisso']);
    expect(settings.userHosts).toEqual([{ portal: 'erul', host: 'erul.my.ru' }, { portal: 'ecp-mis', host: 'ecp.region.ru' }]);
    expect(isHostLocked(locked, 'ecp-mis', 'ecp.region.ru')).toBe(true);
  });

  it('no policy changes nothing; a bad field is dropped alone', () => {
    expect(applyManaged(local, undefined).settings).toEqual(local);
    const { settings, locked } = applyManaged(local, { organisation: { orgName: 42, region: 'Москва' }, retentionDays: -5, userHosts: 'erul.ru' });
    expect(settings.profile.orgName).toBe('Своё название');
    expect(settings.profile.region).toBe('Москва');
    expect(settings.retentionDays).toBe(30);
    expect(locked.retentionDays).toBe(false);
    expect(parseManaged('not an object')).toEqual({});
  });

  it('saving keeps managed values out of local storage', () => {
    const { settings, locked } = applyManaged(local, policy);
    const edited = { ...settings, profile: { ...settings.profile, contact: 'Петров' } };
    const stored = withoutManaged(edited, local, locked);
    expect(stored.profile).toEqual({ ...local.profile, contact: 'Петров' });
    expect(stored.retentionDays).toBe(30);
    expect(stored.autoCheck).toEqual({ pos: false });
    expect(stored.userHosts).toEqual([{ portal: 'erul', host: 'erul.my.ru' }]);
  });

  it('the Chromium managed_schema.json declares every field the policy may set', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'public', 'managed_schema.json'), 'utf8')) as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual(['autoCheck', 'organisation', 'retentionDays', 'userHosts']);
    expect(Object.keys(schema.properties.organisation.properties ?? {}).sort()).toEqual(['contact', 'inn', 'ogrn', 'orgName', 'region']);
  });
});
