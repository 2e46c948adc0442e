/**
 * The popup's live part (popup.html holds its frame: the title, the buttons to the pages, the links below):
 * one card per process (renumbering, ССТУ.РФ, ЕГИССО) with the next step, and the recent checks. The first
 * script (first.ts) paints the stored recent lines; this component takes them over with the stored summary's
 * cards (main.tsx), then shows the journal's newest checks in their place; the second script (cards-main.tsx)
 * recounts both from the journal and hands them over (handoff.ts), so the popup opens fast even with a large
 * journal. Nothing here pulls SheetJS, zip or XML code, nor the card computation (a test checks the bundle).
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CheckEntry } from '../../lib/journal/schema';
import type { CardAction } from '../../lib/dashboard/types';
import { recentLine, type RecentLine } from '../../lib/dashboard/recent-line';
import { StatusCard } from '../../components/dashboard/StatusCard';
import { RecentList } from '../../components/dashboard/RecentList';
import { useShown } from '../../components/useShown';
import { onCards, onRecent, requestTogglePeriod, type LiveCards } from './handoff';
import { openPage } from './open-page';
import { markPopup } from './timing';

function onCardAction(a: CardAction): void {
  switch (a.type) {
    case 'report':
      return openPage(`/report.html?id=${a.entryId}`);
    case 'page':
      return openPage(a.path);
    case 'url':
      if (/^https:\/\//.test(a.url)) {
        void browser.tabs.create({ url: a.url });
        window.close();
      }
      return;
    case 'toggle-period':
      // the settings live in the second script
      return requestTogglePeriod(a);
  }
}

/**
 * `initial`: the recent checks when already read (null: there is no journal yet); undefined until the first
 * read publishes them (handoff.ts), as the stored summary's cards are. `stored`: the stored summary's lines,
 * shown until the journal's checks replace them. The live list and cards come from the second script
 * (cards-main.tsx) the same way.
 */
export function Popup({ initial, stored }: { initial?: CheckEntry[] | null; stored?: RecentLine[] }) {
  const [read, setRecent] = useState<CheckEntry[] | undefined>(initial === undefined ? undefined : (initial ?? []));
  const recent = useShown(read);
  // the journal's truth once read; until then the stored lines (unchanged lines are not repainted)
  const now = Date.now();
  const lines = recent ? recent.map((e) => recentLine(e, now)) : stored;
  const [cards, setCards] = useState<LiveCards | null>(null);
  // subscribed before any read can resolve or the second script load: no update is missed
  useLayoutEffect(() => onRecent(setRecent), []);
  useLayoutEffect(
    () => onCards((update) => setCards((shown) => (update.from === 'summary' && shown?.from === 'journal' ? shown : update))),
    [],
  );
  // cards once there are checks; before the list is read, a stored summary says there are
  const showCards = lines ? lines.length > 0 : !!cards;
  // committed: the list and the cards are in the page now (for the benchmark)
  useLayoutEffect(() => {
    if (lines) markPopup('listRendered');
    if (!cards || !showCards) return;
    markPopup('cardsRendered');
    if (cards.from === 'journal') markPopup('cardsCounted');
  });

  return (
    <>
      {lines?.length === 0 && (
        <div class="card empty" role="note">
          <p><strong>Проверок пока нет.</strong></p>
          <p>Скачайте файл в ГИС ТОР КНД, ЕРУЛ, ПОС или ЕГИССО как обычно — расширение проверит его само и покажет итог здесь.</p>
          <p>Или нажмите «Проверить файлы» и перетащите файлы, скачанные раньше.</p>
        </div>
      )}
      {showCards && (
        <div class="cards">
          {cards?.storageLow && (
            <p class="card error-text" role="alert">
              Место для журнала в браузере почти закончилось: удалите старые проверки в журнале или уменьшите срок хранения в настройках, иначе новые проверки не сохранятся.
            </p>
          )}
          {cards ? cards.cards.map((c) => <StatusCard key={c.id} card={c} onAction={onCardAction} />) : <p class="muted cards-loading">Загрузка сводки…</p>}
        </div>
      )}
      {lines && lines.length > 0 && <RecentList lines={lines} />}
    </>
  );
}
