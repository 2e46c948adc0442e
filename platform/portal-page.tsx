/**
 * The extension's portal content scripts: relay files captured in the page to the service worker, run the
 * shared in-page UI (components/inpage/portal-page.tsx) with the extension's host, and check every file
 * chosen for upload at its input (upload rules per portal, components/inpage/upload-watch.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FileLink } from '../components/inpage/decorate-links';
import { runPortalPage } from '../components/inpage/portal-page';
import { extensionHost } from './extension-host';
import { listenForPageCaptures } from './relay-capture';
import { watchUploads } from '../components/inpage/upload-watch';
import type { UploadRule } from '../lib/upload/expected';

export function startPortalPage(ctx: ContentScriptContext, findLinks?: (root: ParentNode) => FileLink[], uploadRules: readonly UploadRule[] = []): void {
  const controller = new AbortController();
  const host = extensionHost();
  const stopCapture = listenForPageCaptures((blob, name) => host.checkBlob(blob, name));
  runPortalPage(host, controller.signal, findLinks);
  watchUploads(host, uploadRules, controller.signal);
  ctx.onInvalidated(() => {
    stopCapture();
    controller.abort();
    host.dispose();
  });
}
