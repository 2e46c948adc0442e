import { defineContentScript } from 'wxt/utils/define-content-script';
import { fixedPortalHosts } from '../../lib/portals';
import { startPortalPage } from '../../platform/portal-page';

export default defineContentScript({
  matches: fixedPortalHosts('egisso').map((h) => `https://${h}/*`),
  runAt: 'document_idle',
  main(ctx) {
    startPortalPage(ctx);
  },
});
