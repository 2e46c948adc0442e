/**
 * The popup's buttons that open an extension page in a tab: the header and the recent list carry the page in
 * `data-open` (static HTML and components/dashboard/recent-list.ts), one listener opens it — so they work from
 * the first paint, before the Preact popup has loaded.
 */
import { browser } from 'wxt/browser';
import { OPEN_ATTR } from '../../components/dashboard/recent-list';

/** Our own pages only: a report by entry id or a page of the extension. */
const OWN_PAGE = /^\/[a-z-]+\.html(\?id=\d+)?$/;

export function openPage(path: string): void {
  if (!OWN_PAGE.test(path)) return;
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/report.html') });
  window.close();
}

export function openOnClick(doc: Document): void {
  doc.addEventListener('click', (e) => {
    const button = (e.target as Element | null)?.closest?.(`[${OPEN_ATTR}]`);
    if (button) openPage(button.getAttribute(OPEN_ATTR)!);
  });
}
