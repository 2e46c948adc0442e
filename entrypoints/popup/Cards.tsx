/**
 * The process cards counted from the journal, in the popup's second script (cards-main.tsx): their modules
 * (Dexie, zod settings, ledger, checklists, rule codes) and their query stay off the first render. The first
 * script shows them (handoff.ts); when they differ from the stored summary it showed, the summary is
 * rewritten so the next popup opens right.
 */
import { useEffect, useState } from 'preact/hooks';
import { summarizeDashboard, dashboardEntries } from '../../lib/dashboard/summary';
import type { CheckEntry } from '../../lib/journal/schema';
import type { Settings } from '../../lib/settings';
import { journal } from '../../platform/journal';
import { loadSettings, onSettingsChanged, saveSettings } from '../../platform/settings';
import { storeDashboardSummary } from '../../platform/dashboard-summary';
import { useLive } from '../../components/useLive';
import { onTogglePeriod, publishCards } from './handoff';

performance.mark('sverka-cards-module');

/** `recent`: the journal's newest checks, as the list shows them (kept in the stored summary too). */
export function CardsCount({ recent }: { recent: readonly CheckEntry[] }) {
  const entries = useLive(
    () => dashboardEntries(journal).then((e) => (performance.mark('sverka-cards-data'), e)),
    [],
    null as CheckEntry[] | null,
  );
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  const [storageLow, setStorageLow] = useState(false);
  useEffect(() => {
    void navigator.storage?.estimate?.().then((e) => setStorageLow(!!e.quota && !!e.usage && e.usage / e.quota > 0.9)).catch(() => undefined);
  }, []);
  // «mark the period closed» on a card: the settings are here, not in the first script
  useEffect(() => {
    if (!settings) return;
    return onTogglePeriod((a) => {
      const periods = new Set(settings.closedPeriods);
      if (a.closed) periods.add(a.period);
      else periods.delete(a.period);
      void saveSettings({ ...settings, closedPeriods: [...periods].sort() });
    });
  }, [settings]);
  useEffect(() => {
    if (!entries || !settings) return;
    const summary = summarizeDashboard(entries, recent, settings, Date.now());
    publishCards({ cards: summary.cards, from: 'journal', storageLow });
    void storeDashboardSummary(summary).catch(() => undefined);
  }, [entries, recent, settings, storageLow]);
  return null;
}
