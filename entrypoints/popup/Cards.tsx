/**
 * The process cards, in the popup's second script (cards-main.tsx): their modules (Dexie, zod settings,
 * ledger, checklists, rule codes) and their query stay off the first render.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { entriesOfKinds } from '../../lib/journal/queries';
import type { CheckEntry } from '../../lib/journal/schema';
import { buildCards, DASHBOARD_KINDS, dashboardLimit, type CardAction } from '../../lib/dashboard';
import type { Settings } from '../../lib/settings';
import { journal } from '../../platform/journal';
import { loadSettings, onSettingsChanged, saveSettings } from '../../platform/settings';
import { useLive } from '../../components/useLive';
import { StatusCard } from '../../components/dashboard/StatusCard';
import { markPopup } from './timing';

performance.mark('sverka-cards-module');

function open(url: string) {
  void browser.tabs.create({ url });
  window.close();
}

export function Cards() {
  const entries = useLive(
    () => entriesOfKinds(journal, DASHBOARD_KINDS, dashboardLimit).then((e) => (performance.mark('sverka-cards-data'), e)),
    [],
    null as CheckEntry[] | null,
  );
  const [settings, setSettings] = useState<Settings | null>(null);
  const [now] = useState(() => Date.now());
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  const [storageLow, setStorageLow] = useState(false);
  useEffect(() => {
    void navigator.storage?.estimate?.().then((e) => setStorageLow(!!e.quota && !!e.usage && e.usage / e.quota > 0.9)).catch(() => undefined);
  }, []);
  const ready = entries !== null && settings !== null;
  useEffect(() => {
    if (ready) markPopup('cardsRendered');
  }, [ready]);
  if (!entries || !settings) return <p class="muted cards-loading">Загрузка сводки…</p>;

  const onAction = (a: CardAction) => {
    switch (a.type) {
      case 'report':
        return open(browser.runtime.getURL(`/report.html?id=${a.entryId}` as '/report.html'));
      case 'page':
        return open(browser.runtime.getURL(a.path as '/report.html'));
      case 'url':
        if (/^https:\/\//.test(a.url)) open(a.url);
        return;
      case 'toggle-period': {
        const periods = new Set(settings.closedPeriods);
        if (a.closed) periods.add(a.period);
        else periods.delete(a.period);
        void saveSettings({ ...settings, closedPeriods: [...periods].sort() });
        return;
      }
    }
  };
  return (
    <div class="cards">
      {storageLow && (
        <p class="card error-text" role="alert">
          Место для журнала в браузере почти закончилось: удалите старые проверки в журнале или уменьшите срок хранения в настройках, иначе новые проверки не сохранятся.
        </p>
      )}
      {buildCards(entries, settings, now).map((c) => <StatusCard key={c.id} card={c} onAction={onAction} />)}
    </div>
  );
}
