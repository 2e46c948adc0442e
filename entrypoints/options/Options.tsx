/** Settings: profile for letters, portals (automatic checking, user hosts), retention, and «Удалить все данные». */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Settings } from '../../lib/settings';
import { NOTHING_LOCKED, sameLocks, type Locked } from '../../lib/managed';
import { checkInn } from '../../lib/ids/inn';
import { checkOgrn } from '../../lib/ids/ogrn';
import { PURGED_MESSAGE, purgeEverything } from '../../platform/purge';
import { loadSettingsWithLocks, onSettingsChanged, saveSettings } from '../../platform/settings';
import { Portals } from './Portals';

export const MANAGED_NOTE = 'Поля, которые нельзя изменить, задала ваша организация: поменять их может администратор.';

/** A field the organisation set: read-only, with the reason read out beside it. */
export function lockedProps(isLocked: boolean): { readOnly?: boolean; title?: string; 'data-managed'?: string } {
  return isLocked ? { readOnly: true, title: 'Задано вашей организацией', 'data-managed': 'true' } : {};
}

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState('');
  const [confirmPurge, setConfirmPurge] = useState(false);
  const [locked, setLocked] = useState<Locked>(NOTHING_LOCKED);
  const lockedNow = useRef(locked);
  lockedNow.current = locked;

  useEffect(() => {
    void loadSettingsWithLocks().then((r) => {
      setSettings(r.settings);
      setLocked(r.locked);
    });
    // a policy the browser delivers late (see platform/managed-storage.ts) fixes its fields as it comes
    return onSettingsChanged(() =>
      void loadSettingsWithLocks().then((r) => {
        if (sameLocks(lockedNow.current, r.locked)) return;
        setSettings(r.settings);
        setLocked(r.locked);
      }),
    );
  }, []);
  if (!settings) return <p>Загрузка…</p>;

  const p = settings.profile;
  const innCheck = p.inn ? checkInn(p.inn, 10) : null;
  const ogrnCheck = p.ogrn ? checkOgrn(p.ogrn) : null;
  const setProfile = (k: keyof Settings['profile'], v: string) => setSettings({ ...settings, profile: { ...p, [k]: v } });

  const save = async (e: Event) => {
    e.preventDefault();
    await saveSettings(settings);
    setSaved('Настройки сохранены.');
  };

  const purge = async () => {
    await purgeEverything();
    await browser.runtime.sendMessage({ type: 'journal-changed' }).catch(() => undefined);
    setConfirmPurge(false);
    const fresh = await loadSettingsWithLocks();
    setSettings(fresh.settings);
    setLocked(fresh.locked);
    setSaved(PURGED_MESSAGE);
  };

  return (
    <main style={{ maxWidth: '760px', margin: '0 auto', padding: '16px' }}>
      <h1>Сверка — настройки</h1>
      <form onSubmit={(e) => void save(e)}>
        <h2>Организация (для писем в поддержку)</h2>
        {locked.profile.size > 0 && <p class="muted" id="managed-note">{MANAGED_NOTE}</p>}
        <label for="orgName">Название организации</label>
        <input id="orgName" style={{ width: '100%' }} value={p.orgName} {...lockedProps(locked.profile.has('orgName'))} onInput={(e) => setProfile('orgName', e.currentTarget.value)} />
        <label for="inn">ИНН</label>
        <input id="inn" inputMode="numeric" value={p.inn} {...lockedProps(locked.profile.has('inn'))} aria-invalid={innCheck?.ok === false} aria-describedby="inn-msg" onInput={(e) => setProfile('inn', e.currentTarget.value)} />
        <div id="inn-msg" class="error-text" role="status">{innCheck && !innCheck.ok ? innCheck.reason : ''}</div>
        <label for="ogrn">ОГРН</label>
        <input id="ogrn" inputMode="numeric" value={p.ogrn} {...lockedProps(locked.profile.has('ogrn'))} aria-invalid={ogrnCheck?.ok === false} aria-describedby="ogrn-msg" onInput={(e) => setProfile('ogrn', e.currentTarget.value)} />
        <div id="ogrn-msg" class="error-text" role="status">{ogrnCheck && !ogrnCheck.ok ? ogrnCheck.reason : ''}</div>
        <label for="region">Регион</label>
        <input id="region" style={{ width: '100%' }} value={p.region} {...lockedProps(locked.profile.has('region'))} onInput={(e) => setProfile('region', e.currentTarget.value)} />
        <label for="contact">Контактное лицо и телефон</label>
        <input id="contact" style={{ width: '100%' }} value={p.contact} {...lockedProps(locked.profile.has('contact'))} onInput={(e) => setProfile('contact', e.currentTarget.value)} />

        <h2>Хранение данных</h2>
        <p class="muted">
          Журнал проверок хранится только в этом браузере. В нём могут быть персональные данные (ФИО, СНИЛС) из проверенных файлов.{' '}
          <a href={browser.runtime.getURL('/privacy.html' as '/options.html')} target="_blank">Какие данные хранятся и где</a>
        </p>
        <label for="retention">Хранить проверки, дней</label>
        <input id="retention" type="number" min={1} max={3650} value={settings.retentionDays} {...lockedProps(locked.retentionDays)}
          onInput={(e) => setSettings({ ...settings, retentionDays: Math.max(1, Math.min(3650, Number(e.currentTarget.value) || 90)) })} />
        <h2>Напоминания</h2>
        <label class="checkbox" for="reminders" style={{ fontWeight: 'normal' }}>
          <input type="checkbox" id="reminders" checked={settings.reminders} onChange={(e) => setSettings({ ...settings, reminders: e.currentTarget.checked })} />{' '}
          Напоминать уведомлением о сроках: передача в ССТУ.РФ с 1 по 5 число (раз в день, пока период не закрыт) и результат переприсвоения, не загруженный в ТОР КНД за 7 дней
        </label>
        <div class="row" style={{ marginTop: '12px' }}>
          <button type="submit" class="primary">Сохранить</button>
          <span role="status" class="saved">{saved}</span>
        </div>
      </form>

      <Portals settings={settings} locked={locked} onChange={setSettings} />

      <h2>Журнал проверок</h2>
      <p>
        <a href={browser.runtime.getURL('/journal.html' as '/options.html')} target="_blank">Открыть журнал проверок</a> — поиск, выгрузка в JSON и XLSX, загрузка выгрузки обратно.
      </p>

      <h2>Удалить все данные</h2>
      {!confirmPurge ? (
        <button type="button" onClick={() => setConfirmPurge(true)}>Удалить все данные</button>
      ) : (
        <div class="card" role="alertdialog" aria-labelledby="purge-q">
          <p id="purge-q">Удалить всё, что хранит расширение: журнал проверок, черновики заявок, профиль организации, отметки чек-листов и настройки? Это нельзя отменить.</p>
          <div class="row">
            <button type="button" class="primary" onClick={() => void purge()}>Да, удалить</button>
            <button type="button" onClick={() => setConfirmPurge(false)}>Отмена</button>
          </div>
        </div>
      )}
    </main>
  );
}
