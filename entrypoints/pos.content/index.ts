import { defineContentScript } from 'wxt/utils/define-content-script';
import { fixedPortalHosts } from '../../lib/portals';
import { startPortalPage } from '../../platform/portal-page';
import { posFileLinks } from './selectors';
import { watchSstuId } from './id-watch';

export default defineContentScript({
  matches: fixedPortalHosts('pos').map((h) => `https://${h}/*`),
  runAt: 'document_idle',
  main(ctx) {
    startPortalPage(ctx, posFileLinks);
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    watchSstuId(document, controller.signal);
  },
});
