/**
 * The organisation for support letters (name, ИНН, ОГРН), kept in the userscript manager's storage: the
 * userscript has no options page. Only the organisation, never a person (no contact name or phone).
 */
import { useState } from 'preact/hooks';
import { ProfileSchema, type Profile } from '../lib/settings';
import type { KeyValueStore } from './gm';

export const PROFILE_KEY = 'sverka-profile-v1';

export type OrgProfile = Pick<Profile, 'orgName' | 'inn' | 'ogrn'>;

export function loadOrgProfile(store: KeyValueStore): OrgProfile {
  const parsed = ProfileSchema.pick({ orgName: true, inn: true, ogrn: true }).safeParse(store.get<unknown>(PROFILE_KEY, {}));
  return parsed.success ? parsed.data : { orgName: '', inn: '', ogrn: '' };
}

export function saveOrgProfile(store: KeyValueStore, p: OrgProfile): void {
  const clean = { orgName: p.orgName.trim().slice(0, 500), inn: p.inn.replace(/\s/g, '').slice(0, 12), ogrn: p.ogrn.replace(/\s/g, '').slice(0, 15) };
  if (!clean.orgName && !clean.inn && !clean.ogrn) store.delete(PROFILE_KEY);
  else store.set(PROFILE_KEY, clean);
}

const FIELDS: [keyof OrgProfile, string][] = [
  ['orgName', 'Название организации'],
  ['inn', 'ИНН'],
  ['ogrn', 'ОГРН'],
];

export function OrgProfileForm({ store }: { store: KeyValueStore }) {
  const [p, setP] = useState<OrgProfile>(() => loadOrgProfile(store));
  const [saved, setSaved] = useState(false);
  return (
    <form class="card org-profile" aria-label="Данные организации для писем" onSubmit={(e) => {
      e.preventDefault();
      saveOrgProfile(store, p);
      setSaved(true);
    }}>
      <p>Эти данные подставляются в письма в службы поддержки. Хранятся только в менеджере скриптов этого браузера.</p>
      {FIELDS.map(([key, label]) => (
        <div key={key}>
          <label for={`sverka-${key}`}>{label}</label>
          <input id={`sverka-${key}`} value={p[key]} style={{ width: '100%' }} inputMode={key === 'orgName' ? undefined : 'numeric'}
            onInput={(e) => {
              setSaved(false);
              setP({ ...p, [key]: e.currentTarget.value });
            }} />
        </div>
      ))}
      <div class="row" style={{ marginTop: '8px' }}>
        <button type="submit" class="primary">Сохранить</button>
        {saved && <span role="status">Сохранено. Письма в открытых отчётах обновятся при следующем открытии.</span>}
      </div>
    </form>
  );
}
