import { defineContentScript } from 'wxt/utils/define-content-script';
import { fixedPortalHosts } from '../../lib/portals';
import { startPortalPage } from '../../platform/portal-page';
import { torKndFileLinks, TOR_KND_UPLOAD_RULES } from './selectors';

export default defineContentScript({
  matches: fixedPortalHosts('tor-knd').map((h) => `https://${h}/*`),
  runAt: 'document_idle',
  main(ctx) {
    startPortalPage(ctx, torKndFileLinks, TOR_KND_UPLOAD_RULES);
  },
});
