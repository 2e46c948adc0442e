import { defineContentScript } from 'wxt/utils/define-content-script';
import { fixedPortalHosts } from '../../lib/portals';
import { startPortalPage } from '../../platform/portal-page';
import { EGISSO_UPLOAD_RULES } from './selectors';

export default defineContentScript({
  matches: fixedPortalHosts('egisso').map((h) => `https://${h}/*`),
  runAt: 'document_idle',
  main(ctx) {
    startPortalPage(ctx, undefined, EGISSO_UPLOAD_RULES);
  },
});
