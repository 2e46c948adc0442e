/**
 * The extension's portal content scripts: relay files captured in the page to the service worker and run the
 * shared in-page UI (components/inpage/portal-page.tsx) with the extension's host.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FileLink } from '../components/inpage/decorate-links';
import { runPortalPage } from '../components/inpage/portal-page';
import { extensionHost } from './extension-host';
import { listenForPageCaptures } from './relay-capture';

export function startPortalPage(ctx: ContentScriptContext, findLinks?: (root: ParentNode) => FileLink[]): void {
  const controller = new AbortController();
  const host = extensionHost();
  const stopCapture = listenForPageCaptures((blob, name) => host.checkBlob(blob, name));
  runPortalPage(host, controller.signal, findLinks);
  ctx.onInvalidated(() => {
    stopCapture();
    controller.abort();
    host.dispose();
  });
}
