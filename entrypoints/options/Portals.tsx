/**
 * Options «Порталы»: automatic checking per portal; user-added hosts for ЕРУЛ and regional ЕЦП.МИС with the
 * optional host permission requested from the click; the permissions the browser actually granted
 * (permissions.getAll()) are what the page shows.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PORTALS, matchPatternForHost, normaliseUserHost, portalForUrl, type PortalId } from '../../lib/portals';
import { autoCheckEnabled, type Settings } from '../../lib/settings';
import { isHostLocked, type Locked } from '../../lib/managed';
import { loadSettings, saveSettings } from '../../platform/settings';
import { isHostGranted } from '../../platform/user-hosts';

const USER_HOST_HINTS: Partial<Record<PortalId, string>> = {
  erul: 'Адрес ЕРУЛ, с которого вы скачиваете результаты переприсвоения.',
  'ecp-mis': 'Адрес ЕЦП.МИС вашего региона (модуль ЕГИССО). У каждого региона он свой.',
  sstu: 'Адрес ССТУ.РФ, куда вы загружаете архивы из ПОС: Сверка проверит архив, когда вы выберете его для загрузки.',
};

function useGrantedOrigins(): [string[] | null, () => void] {
  const [origins, setOrigins] = useState<string[] | null>(null);
  const refresh = () => void browser.permissions.getAll().then((p) => setOrigins(p.origins ?? []));
  useEffect(() => {
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);
  return [origins, refresh];
}

export function Portals({ settings, locked, onChange }: { settings: Settings; locked: Locked; onChange: (s: Settings) => void }) {
  const [origins, refresh] = useGrantedOrigins();
  const [drafts, setDrafts] = useState<Partial<Record<PortalId, string>>>({});
  const [messages, setMessages] = useState<Partial<Record<PortalId, { text: string; error: boolean }>>>({});
  const say = (portal: PortalId, text: string, error = false) => setMessages((m) => ({ ...m, [portal]: { text, error } }));

  /** Writes one change on top of what is stored now (other fields of the form stay as the user left them). */
  const persist = async (patch: (s: Settings) => Settings) => {
    const stored = await loadSettings();
    const next = patch(stored);
    await saveSettings(next);
    onChange(patch(settings));
  };

  const setAuto = (portal: PortalId, on: boolean) => void persist((s) => ({ ...s, autoCheck: { ...s.autoCheck, [portal]: on } }));

  const requestHost = (portal: PortalId, host: string) => {
    // must run inside the click: the browser asks only during a user gesture
    return browser.permissions.request({ origins: [matchPatternForHost(host)] }).catch(() => false);
  };

  const addHost = (portal: PortalId) => {
    const typed = drafts[portal] ?? '';
    const host = normaliseUserHost(typed);
    if (!host) {
      say(portal, `«${typed.trim()}» — не адрес сайта. Введите адрес, как в строке браузера, например ecp.region.ru.`, true);
      return;
    }
    const fixed = portalForUrl(`https://${host}/`);
    if (fixed) {
      say(portal, `${host} — адрес портала ${PORTALS.find((p) => p.id === fixed)?.name}; он уже известен расширению.`, true);
      return;
    }
    const asked = requestHost(portal, host);
    void asked.then(async (granted) => {
      await persist((s) => ({
        ...s,
        userHosts: s.userHosts.some((h) => h.portal === portal && h.host === host) ? s.userHosts : [...s.userHosts, { portal, host }],
      }));
      setDrafts((d) => ({ ...d, [portal]: '' }));
      refresh();
      say(
        portal,
        granted
          ? `Адрес ${host} добавлен, доступ разрешён: расширение будет проверять файлы с этого сайта.`
          : `Адрес ${host} добавлен, но браузер не выдал доступ к сайту: файлы с него проверяться не будут. Нажмите «Разрешить доступ».`,
        !granted,
      );
    });
  };

  const grant = (portal: PortalId, host: string) => {
    void requestHost(portal, host).then((granted) => {
      refresh();
      say(portal, granted ? `Доступ к ${host} разрешён.` : `Браузер не выдал доступ к ${host}.`, !granted);
    });
  };

  const removeHost = (portal: PortalId, host: string) => {
    void (async () => {
      await persist((s) => ({ ...s, userHosts: s.userHosts.filter((h) => !(h.portal === portal && h.host === host)) }));
      // the permission goes too, unless another portal still uses the same host
      const stillUsed = settings.userHosts.some((h) => h.host === host && h.portal !== portal);
      if (!stillUsed) await browser.permissions.remove({ origins: [matchPatternForHost(host)] }).catch(() => false);
      refresh();
      say(portal, `Адрес ${host} удалён.`);
    })();
  };

  return (
    <section aria-labelledby="portals-h">
      <h2 id="portals-h">Порталы</h2>
      <p class="muted">Расширение проверяет файлы, скачанные на этих сайтах. Доступ к сайтам показан так, как его на самом деле выдал браузер. Изменения в этом разделе сохраняются сразу.</p>
      {PORTALS.map((p) => {
        const hosts = p.userHosts ? settings.userHosts.filter((h) => h.portal === p.id) : [];
        const msg = messages[p.id];
        return (
          <div key={p.id} class="card portal-settings" data-portal={p.id}>
            <h3 style={{ marginTop: 0 }}>{p.name}</h3>
            <label style={{ fontWeight: 'normal' }}>
              <input type="checkbox" id={`auto-${p.id}`} checked={autoCheckEnabled(settings, p.id)} disabled={locked.autoCheck.has(p.id)} onChange={(e) => setAuto(p.id, e.currentTarget.checked)} />{' '}
              {p.id === 'sstu' ? 'Проверять файлы, выбранные для загрузки' : 'Проверять скачанные и выбранные для загрузки файлы автоматически'}
              {locked.autoCheck.has(p.id) ? ' (задано вашей организацией)' : ''}
            </label>
            {p.hosts.length > 0 && (
              <ul class="hosts">
                {p.hosts.map((h) => {
                  const host = h.replace(/^\*\./, '');
                  const granted = origins ? isHostGranted(host, origins) : null;
                  return (
                    <li key={h} data-host={host} data-granted={String(granted)}>
                      {h.startsWith('*.') ? `${host} и его поддомены` : host} — {granted === null ? 'проверяется…' : granted ? 'доступ есть' : 'доступа нет: переустановите расширение'}
                    </li>
                  );
                })}
              </ul>
            )}
            {p.userHosts && (
              <>
                <p class="muted">
                  {USER_HOST_HINTS[p.id] ?? ''}
                </p>
                {hosts.length > 0 ? (
                  <ul class="hosts user-hosts">
                    {hosts.map(({ host }) => {
                      const granted = origins ? isHostGranted(host, origins) : null;
                      const managed = isHostLocked(locked, p.id, host);
                      return (
                        <li key={host} data-host={host} data-granted={String(granted)} data-managed={String(managed)} class="row">
                          <span>
                            {host}
                            {managed ? ' (задан вашей организацией)' : ''} —{' '}
                            {granted === null ? 'проверяется…' : granted ? 'доступ разрешён' : managed ? 'нет доступа: администратор должен разрешить этот адрес в политике браузера' : 'доступ не выдан'}
                          </span>
                          {granted === false && <button type="button" onClick={() => grant(p.id, host)}>Разрешить доступ</button>}
                          {!managed && <button type="button" onClick={() => removeHost(p.id, host)}>Удалить</button>}
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  <p class="muted">Адрес не добавлен.</p>
                )}
                <div class="row">
                  <label class="sr-only" for={`host-${p.id}`}>Адрес сайта {p.name}</label>
                  <input id={`host-${p.id}`} style={{ width: '280px' }} placeholder={p.id === 'erul' ? 'например, erul.region.ru' : p.id === 'sstu' ? 'например, ссту.рф' : 'например, ecp.region.ru'} value={drafts[p.id] ?? ''}
                    onInput={(e) => setDrafts((d) => ({ ...d, [p.id]: e.currentTarget.value }))} />
                  <button type="button" onClick={() => addHost(p.id)}>Добавить адрес</button>
                </div>
              </>
            )}
            {msg && <p role={msg.error ? 'alert' : 'status'} class={msg.error ? 'error-text' : 'muted'}>{msg.text}</p>}
          </div>
        );
      })}
    </section>
  );
}
