/**
 * The popup: one card per process (renumbering, ССТУ.РФ, ЕГИССО) with the next step, and the recent checks.
 * The recent list renders first (one indexed query); the cards come in a second script after it, so the
 * popup opens fast even with a large journal. Nothing here pulls SheetJS, zip or XML code (a test checks the bundle).
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CheckEntry } from '../../lib/journal/schema';
import { headline } from '../../lib/checks/headline';
import { nextAction } from '../../lib/checks/next-action';
import { PORTALS } from '../../lib/portals';
import { VerdictBadge } from '../../components/VerdictBadge';
import { RUNNING_HEADLINE } from '../../components/verdict-words';
import { formatDateTime } from '../../lib/dates';
import { countWord } from '../../lib/plural';
import { CARDS_SLOT_ID, onRecent } from './handoff';

const portalName = (id: string | null) => PORTALS.find((p) => p.id === id)?.name ?? 'файл с компьютера';
function openPage(path: string) {
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/report.html') });
  window.close();
}

export const RECENT = 15;
const RUNNING_NEXT = 'Подождите несколько секунд: итог появится здесь сам.';

/**
 * `initial`: the raw IndexedDB read done before the first render (first-read.ts; null when there is no
 * journal yet). Dexie with the live list, and the cards, come in the second script (cards-main.tsx).
 */
export function Popup({ initial }: { initial: CheckEntry[] | null }) {
  const [recent, setRecent] = useState<CheckEntry[]>(initial ?? []);
  // subscribed before the second script (live list, cards) can be loaded: no update is missed
  useLayoutEffect(() => onRecent(setRecent), []);

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
      {recent.length === 0 && (
        <div class="card empty" role="note">
          <p><strong>Проверок пока нет.</strong></p>
          <p>Скачайте файл в ГИС ТОР КНД, ЕРУЛ, ПОС или ЕГИССО как обычно — расширение проверит его само и покажет итог здесь.</p>
          <p>Или нажмите «Проверить файлы» и перетащите файлы, скачанные раньше.</p>
        </div>
      )}
      <div id={CARDS_SLOT_ID} />
      {recent.length > 0 && (
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
