import { defineContentScript } from 'wxt/utils/define-content-script';
import { fixedPortalHosts } from '../../lib/portals';
import { startPortalPage } from '../../platform/portal-page';
import { torKndFileLinks } from './selectors';

export default defineContentScript({
  matches: fixedPortalHosts('tor-knd').map((h) => `https://${h}/*`),
  runAt: 'document_idle',
  main(ctx) {
    startPortalPage(ctx, torKndFileLinks);
  },
});
