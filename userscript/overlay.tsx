/**
 * The userscript's window inside the page (components/inpage/ReportOverlay.tsx) and the userscript manager's
 * menu commands that open it: check files, recent checks, the organisation for letters, delete Сверка's data.
 */
import { formatDateTime } from '../lib/dates';
import { KIND_TITLES } from '../lib/checks/kinds';
import { mountReportOverlay } from '../components/inpage/ReportOverlay';
import { VerdictBadge } from '../components/VerdictBadge';
import type { GmJournal, JournalLine } from './journal';
import type { UserscriptHost } from './host';
import { addMenuCommand, type KeyValueStore } from './gm';
import { OrgProfileForm, PROFILE_KEY, loadOrgProfile } from './profile';

export const MENU = {
  check: 'Сверка: проверить файлы',
  recent: 'Сверка: последние проверки',
  profile: 'Сверка: данные организации для писем',
  purge: 'Удалить данные Сверки',
} as const;

const ONLY_WHILE_OPEN =
  'Полный отчёт хранится, только пока открыта страница, на которой файл проверяли: в журнале Сверки остаётся лишь итог. Чтобы снова увидеть отчёт, проверьте файл ещё раз — «Проверить» рядом со ссылкой или перетащите файл сюда.';

function RecentChecks({ lines }: { lines: readonly JournalLine[] }) {
  if (!lines.length) return <p class="card recent-empty">Проверок пока нет. Нажмите «Проверить» рядом с файлом на странице портала или перетащите файл сюда.</p>;
  return (
    <section class="card recent" aria-label="Последние проверки">
      <h2>Последние проверки</h2>
      <table>
        <thead>
          <tr><th>Когда</th><th>Файл</th><th>Что это</th><th>Итог</th><th>Коротко</th></tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id} class="recent-check" data-verdict={l.verdict}>
              <td>{formatDateTime(l.at)}</td>
              <td style={{ wordBreak: 'break-all' }}>{l.file}</td>
              <td>{KIND_TITLES[l.kind] ?? ''}</td>
              <td><VerdictBadge verdict={l.verdict} /></td>
              <td>{l.headline}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function startOverlay(host: UserscriptHost, journal: GmJournal, store: KeyValueStore): { openReport: (entryId: number) => void } {
  const overlay = mountReportOverlay({
    checkFiles: (files, onProgress) => host.checkFiles(files, onProgress),
    loadProfile: async () => loadOrgProfile(store),
  });
  addMenuCommand(MENU.check, () => overlay.open({ title: 'проверка файлов' }));
  addMenuCommand(MENU.recent, () => overlay.open({ title: 'последние проверки', body: <RecentChecks lines={journal.lines()} /> }));
  addMenuCommand(MENU.profile, () => overlay.open({ title: 'данные организации для писем', body: <OrgProfileForm store={store} /> }));
  addMenuCommand(MENU.purge, () => {
    if (!confirm('Удалить журнал Сверки, данные организации и отчёты этой страницы? Это нельзя отменить.')) return;
    journal.clear();
    store.delete(PROFILE_KEY);
    host.forgetReports();
    overlay.open({ title: 'данные удалены', notice: 'Журнал Сверки, данные организации и отчёты этой страницы удалены.' });
  });
  return {
    openReport(entryId) {
      const report = host.report(entryId);
      if (report) return overlay.open({ title: report.file, reports: [report] });
      const line = journal.get(entryId);
      overlay.open({ title: line?.file ?? 'отчёт', notice: ONLY_WHILE_OPEN, body: line && <RecentChecks lines={[line]} /> });
    },
  };
}
