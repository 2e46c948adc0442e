/**
 * The popup: one card per process (renumbering, ССТУ.РФ, ЕГИССО) with the next step, and the recent checks.
 * The first script (main.tsx) renders the cards from the summary the worker keeps in storage and the list
 * from one raw indexed read; the second script (cards-main.tsx) recounts both from the journal and hands them
 * over (handoff.ts), so the popup opens fast even with a large journal. Nothing here pulls SheetJS, zip or XML
 * code, nor the card computation (a test checks the bundle).
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CheckEntry } from '../../lib/journal/schema';
import type { CardAction } from '../../lib/dashboard/types';
import { headline } from '../../lib/checks/headline';
import { nextAction } from '../../lib/checks/next-action';
import { PORTALS } from '../../lib/portals';
import { VerdictBadge } from '../../components/VerdictBadge';
import { StatusCard } from '../../components/dashboard/StatusCard';
import { RUNNING_HEADLINE } from '../../components/verdict-words';
import { useShown } from '../../components/useShown';
import { formatDateTime } from '../../lib/dates';
import { countWord } from '../../lib/plural';
import { onCards, onRecent, requestTogglePeriod, type LiveCards } from './handoff';
import { markPopup } from './timing';

const portalName = (id: string | null) => PORTALS.find((p) => p.id === id)?.name ?? 'файл с компьютера';
function openPage(path: string) {
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/report.html') });
  window.close();
}

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

export const RECENT = 15;
const RUNNING_NEXT = 'Подождите несколько секунд: итог появится здесь сам.';

/**
 * `initial`: the recent checks when already read (null: there is no journal yet); undefined until the first
 * read publishes them (handoff.ts), as the stored summary's cards are. The live list and cards come from the
 * second script (cards-main.tsx) the same way.
 */
export function Popup({ initial }: { initial?: CheckEntry[] | null }) {
  const [stored, setRecent] = useState<CheckEntry[] | undefined>(initial === undefined ? undefined : (initial ?? []));
  const recent = useShown(stored);
  const [cards, setCards] = useState<LiveCards | null>(null);
  // subscribed before any read can resolve or the second script load: no update is missed
  useLayoutEffect(() => onRecent(setRecent), []);
  useLayoutEffect(
    () => onCards((update) => setCards((shown) => (update.from === 'summary' && shown?.from === 'journal' ? shown : update))),
    [],
  );
  // cards once there are checks; before the list is read, a stored summary says there are
  const showCards = recent ? recent.length > 0 : !!cards;
  // committed: the list and the cards are in the page now (for the benchmark)
  useLayoutEffect(() => {
    if (recent) markPopup('listRendered');
    if (!cards || !showCards) return;
    markPopup('cardsRendered');
    if (cards.from === 'journal') markPopup('cardsCounted');
  });

  return (
    <main style={{ padding: '12px' }}>
      <div class="row" style={{ justifyContent: 'space-between' }}>
        <h1 style={{ margin: 0 }}>Сверка</h1>
        <div class="row">
          <button type="button" class="primary" onClick={() => openPage('/report.html')}>Проверить файлы</button>
          <button type="button" onClick={() => openPage('/journal.html')}>Журнал</button>
          <button type="button" onClick={() => openPage('/options.html')} aria-label="Настройки">Настройки</button>
        </div>
      </div>
      {recent?.length === 0 && (
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
      {recent && recent.length > 0 && (
        <>
          <h2>Последние проверки</h2>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} class="recent">
            {recent.map((c) => (
              <li key={c.id} class="card recent-check" data-verdict={c.status === 'running' ? 'running' : c.verdict}>
                <div class="row" style={{ justifyContent: 'space-between' }}>
                  <strong class="file-name" style={{ wordBreak: 'break-all' }}>{c.fileName}</strong>
                  <VerdictBadge verdict={c.verdict} running={c.status === 'running'} />
                </div>
                <div class="muted">{portalName(c.portal)} · {formatDateTime(c.lastSeenAt)}{c.sightings.length > 1 ? ` · видели ${countWord(c.sightings.length, 'раз', 'раза', 'раз')}` : ''}</div>
                <p style={{ margin: '4px 0' }} class="headline">{c.status === 'running' ? RUNNING_HEADLINE : headline(c.report)}</p>
                <p style={{ margin: '4px 0' }} class="muted">{c.status === 'running' ? RUNNING_NEXT : nextAction(c.report)}</p>
                <button type="button" onClick={() => openPage(`/report.html?id=${c.id}`)}>Открыть отчёт</button>
              </li>
            ))}
          </ul>
          <p><button type="button" class="link" onClick={() => openPage('/journal.html')}>Все проверки — в журнале</button></p>
        </>
      )}
      <nav class="row" aria-label="Другие разделы" style={{ marginTop: '8px' }}>
        <button type="button" class="link" onClick={() => openPage('/checklists.html')}>Порядок действий по процедурам</button>
        <button type="button" class="link" onClick={() => openPage('/forms.html')}>Заявка на доступ к ТОР КНД</button>
      </nav>
    </main>
  );
}
