/**
 * The popup's frame: the title, the buttons to the pages (their page in `data-open`, open-page.ts), the place
 * for the live part (#app) and the links below. Built by the first script together with the recent list,
 * not parsed from popup.html: markup ahead of the first script held its start back by ≈15–20 ms (measured
 * against the same page without it), which is the whole budget of the list.
 */
import { el } from '../../components/dom';
import { OPEN_ATTR } from '../../components/dashboard/recent-list';

const button = (label: string, page: string, attrs: Record<string, string> = {}) => el('button', { type: 'button', [OPEN_ATTR]: page, ...attrs }, label);

/** Puts the frame in the page and returns #app, where the list and the cards go. */
export function paintFrame(doc: Document): HTMLElement {
  const main = el('main', { style: 'padding: 12px' });
  const header = el('div', { class: 'row', style: 'justify-content: space-between' });
  const pages = el('div', { class: 'row' });
  pages.append(
    button('Проверить файлы', '/report.html', { class: 'primary' }),
    button('Журнал', '/journal.html'),
    button('Настройки', '/options.html', { 'aria-label': 'Настройки' }),
  );
  header.append(el('h1', { style: 'margin: 0' }, 'Сверка'), pages);
  const app = el('div', { id: 'app' });
  const nav = el('nav', { class: 'row', 'aria-label': 'Другие разделы', style: 'margin-top: 8px' });
  nav.append(
    button('Порядок действий по процедурам', '/checklists.html', { class: 'link' }),
    button('Заявка на доступ к ТОР КНД', '/forms.html', { class: 'link' }),
  );
  main.append(header, app, nav);
  doc.body.prepend(main);
  return app;
}
