/**
 * What every portal content script does: relay files captured in the page, show the verdict panel when a
 * check of a file from this tab finishes, and decorate the portal's file links (selectors per portal).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CheckDoneNotice } from '../lib/capture-protocol';
import { mountVerdictPanel } from '../components/inpage/VerdictPanel';
import { decorateLinks, type FileLink } from '../components/inpage/decorate-links';
import { listenForPageCaptures } from './relay-capture';

export function startPortalPage(ctx: ContentScriptContext, findLinks?: (root: ParentNode) => FileLink[]): void {
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  const panel = mountVerdictPanel((entryId) => void browser.runtime.sendMessage({ type: 'open-report', entryId }));
  const links = findLinks ? decorateLinks({ findLinks, signal: controller.signal }) : null;

  const onDone = (n: CheckDoneNotice) => {
    panel.show({ title: n.fileName, text: n.headline, verdict: n.verdict, ...(n.entryId !== null ? { entryId: n.entryId } : {}) });
    void links?.refresh();
  };
  // ordinary file links: tell the worker, which double-checks that the download was taken up
  const onClick = (e: MouseEvent) => {
    const a = (e.target as Element | null)?.closest?.('a[href]');
    if (a instanceof HTMLAnchorElement && /^https?:/i.test(a.href)) void browser.runtime.sendMessage({ type: 'file-link-clicked' }).catch(() => undefined);
  };
  document.addEventListener('click', onClick, true);
  ctx.onInvalidated(() => document.removeEventListener('click', onClick, true));
  const stopCapture = listenForPageCaptures(
    onDone,
    (name) => panel.show({ title: name, text: 'Файл проверяется…' }),
    (f) => panel.show({ title: f.fileName, text: f.message }),
  );
  ctx.onInvalidated(stopCapture);

  const onMessage = (msg: unknown) => {
    const m = msg as { type?: string; fileName?: string; message?: string } | null;
    if (m?.type === 'check-done') onDone(m as CheckDoneNotice);
    else if (m?.type === 'check-failed') panel.show({ title: m.fileName ?? '', text: m.message ?? '' });
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    panel.destroy();
  });
}
