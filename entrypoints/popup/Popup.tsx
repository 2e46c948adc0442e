/** The popup: recent checks with their verdict, one line of explanation and the next action. */
import { browser } from 'wxt/browser';
import { recentChecks } from '../../lib/journal/store';
import type { CheckEntry } from '../../lib/journal/schema';
import { headline } from '../../lib/checks/headline';
import { nextAction } from '../../lib/checks/next-action';
import { PORTALS } from '../../lib/portals';
import { journal } from '../../platform/journal';
import { useLive } from '../../components/useLive';
import { VerdictBadge } from '../../components/VerdictBadge';
import { formatDateTime } from '../../lib/dates';

const portalName = (id: string | null) => PORTALS.find((p) => p.id === id)?.name ?? 'файл с компьютера';

function openPage(path: string) {
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/report.html') });
  window.close();
}

export function Popup() {
  const recent = useLive(() => recentChecks(journal, 15), [], null as CheckEntry[] | null);
  return (
    <main style={{ padding: '12px' }}>
      <div class="row" style={{ justifyContent: 'space-between' }}>
        <h1 style={{ margin: 0 }}>Сверка</h1>
        <div class="row">
          <button type="button" class="primary" onClick={() => openPage('/report.html')}>Проверить файлы</button>
          <button type="button" onClick={() => openPage('/options.html')} aria-label="Настройки">Настройки</button>
        </div>
      </div>
      {recent && recent.length === 0 && (
        <div class="card empty" role="note">
          <p><strong>Проверок пока нет.</strong></p>
          <p>Скачайте файл в ГИС ТОР КНД, ЕРУЛ, ПОС или ЕГИССО как обычно — расширение проверит его само и покажет итог здесь.</p>
          <p>Или нажмите «Проверить файлы» и перетащите файлы, скачанные раньше.</p>
        </div>
      )}
      {recent && recent.length > 0 && (
        <>
          <h2>Последние проверки</h2>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} class="recent">
            {recent.map((c) => (
              <li key={c.id} class="card recent-check" data-verdict={c.verdict}>
                <div class="row" style={{ justifyContent: 'space-between' }}>
                  <strong class="file-name" style={{ wordBreak: 'break-all' }}>{c.fileName}</strong>
                  <VerdictBadge verdict={c.verdict} />
                </div>
                <div class="muted">{portalName(c.portal)} · {formatDateTime(c.lastSeenAt)}{c.sightings.length > 1 ? ` · видели ${c.sightings.length} раза` : ''}</div>
                <p style={{ margin: '4px 0' }} class="headline">{headline(c.report)}</p>
                <p style={{ margin: '4px 0' }} class="muted">{nextAction(c.report)}</p>
                <button type="button" onClick={() => openPage(`/report.html?id=${c.id}`)}>Открыть отчёт</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
