import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPortalPage } from '../../platform/portal-page';
import { erulFileLinks, ERUL_UPLOAD_RULES } from './selectors';

/** ЕРУЛ has no fixed public host: registered at run time for the hosts the official added (platform/user-hosts.ts). */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    startPortalPage(ctx, erulFileLinks, ERUL_UPLOAD_RULES);
  },
});
