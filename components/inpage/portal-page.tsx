/**
 * What every portal page gets, from the extension and from the userscript alike: the verdict panel for checks
 * of files from this page, and badges beside the portal's file links (selectors per portal). The host
 * (components/inpage/host.ts) runs the checks.
 */
import type { InpageHost, PageNotice } from './host';
import { mountVerdictPanel } from './VerdictPanel';
import { decorateLinks, type FileLink } from './decorate-links';

const RUNNING_TEXT = 'Файл проверяется…';

export function runPortalPage(host: InpageHost, signal: AbortSignal, findLinks?: (root: ParentNode) => FileLink[]): void {
  const panel = mountVerdictPanel((entryId) => host.openReport(entryId));
  const links = findLinks
    ? decorateLinks({ findLinks, signal, host, onCheckStarted: (link) => panel.show({ key: link.url, title: link.name, text: RUNNING_TEXT }) })
    : null;
  /** A file checked from one of our badges is known by its URL; a file captured in the page, by its name. */
  const keyOf = (n: { sourceUrl?: string; fileName: string }) => (n.sourceUrl && links?.has(n.sourceUrl) ? n.sourceUrl : n.fileName);

  const onNotice = (n: PageNotice) => {
    switch (n.type) {
      case 'check-started':
        panel.show({ key: keyOf(n), title: n.fileName, text: RUNNING_TEXT });
        break;
      case 'check-progress':
        panel.show({ key: keyOf(n), title: n.fileName, text: n.text ?? RUNNING_TEXT, progress: n.fraction });
        break;
      case 'check-done':
        panel.show({ key: keyOf(n), title: n.fileName, text: n.headline, verdict: n.verdict, ...(n.entryId !== null ? { entryId: n.entryId } : {}) });
        if (n.sourceUrl) links?.settle(n.sourceUrl, n.entryId !== null ? { url: n.sourceUrl, entryId: n.entryId, verdict: n.verdict, headline: n.headline } : null);
        void links?.refresh();
        break;
      case 'check-failed':
        // the failure stays on its own line; the badge of that link offers a retry
        panel.show({ key: keyOf(n), title: n.fileName, text: n.message, failed: true });
        if (n.sourceUrl) links?.settle(n.sourceUrl, null);
        break;
    }
  };
  const stopListening = host.listen(onNotice);
  // ordinary file links: the extension double-checks that the download was taken up
  const onClick = (e: MouseEvent) => {
    const a = (e.target as Element | null)?.closest?.('a[href]');
    if (a instanceof HTMLAnchorElement && /^https?:/i.test(a.href)) host.fileLinkClicked?.();
  };
  document.addEventListener('click', onClick, true);
  signal.addEventListener('abort', () => {
    document.removeEventListener('click', onClick, true);
    stopListening();
    panel.destroy();
  });
}
