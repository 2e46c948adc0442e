/**
 * ГИС ТОР КНД page selectors, in one place. Found by visible text and link targets, not generated CSS
 * classes. Seen on: «Служебные задачи» (task list with result files), the task card with «Результат».
 * Tested against tests/fixtures/pages/tor-knd-service-tasks.html.
 */
import type { FileLink } from '../../components/inpage/decorate-links';

const FILE_EXT = /\.(json|zip|xlsx?|xml)(\?|#|$)/i;
const FILE_TEXT = /\.(json|zip|xlsx?|xml)\s*$|^(скачать|результат|файл результата|выгрузка)/i;

/** File links on a ТОР КНД page: result and export files of service tasks. */
export function torKndFileLinks(root: ParentNode): FileLink[] {
  const out: FileLink[] = [];
  for (const a of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (!href || href.startsWith('#') || href.startsWith('javascript:') || href.startsWith('blob:')) continue;
    const text = (a.textContent ?? '').trim();
    if (!(FILE_EXT.test(href) || a.hasAttribute('download') || FILE_TEXT.test(text))) continue;
    out.push({ anchor: a, url: a.href, name: a.getAttribute('download') || text || href.split('/').pop() || 'файл' });
  }
  return out;
}

/** True on the «Служебные задачи» page (by its heading). */
export function isServiceTasksPage(root: ParentNode): boolean {
  return Array.from(root.querySelectorAll('h1, h2, h3, [role="heading"]')).some((h) => /служебные задачи/i.test(h.textContent ?? ''));
}
