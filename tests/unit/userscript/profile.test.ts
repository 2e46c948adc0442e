import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../userscript/gm';
import { PROFILE_KEY, loadOrgProfile, saveOrgProfile } from '../../../userscript/profile';

describe('the organisation for letters in the userscript manager storage', () => {
  it('keeps only the organisation (name, ИНН, ОГРН), trimmed; an empty form leaves nothing stored', () => {
    const store = memoryStore();
    expect(loadOrgProfile(store)).toEqual({ orgName: '', inn: '', ogrn: '' });
    saveOrgProfile(store, { orgName: '  Министерство транспорта  ', inn: '7707 083 893', ogrn: '', contact: 'Иванов И. И., +7 900 000-00-00' } as never);
    expect(store.dump()[PROFILE_KEY]).toEqual({ orgName: 'Министерство транспорта', inn: '7707083893', ogrn: '' });
    expect(loadOrgProfile(store).inn).toBe('7707083893');
    saveOrgProfile(store, { orgName: '', inn: '', ogrn: '' });
    expect(store.dump()).toEqual({});
  });

  it('something else under the key reads as an empty profile', () => {
    const store = memoryStore();
    store.set(PROFILE_KEY, 'не профиль');
    expect(loadOrgProfile(store)).toEqual({ orgName: '', inn: '', ogrn: '' });
  });
});
