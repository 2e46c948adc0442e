import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPortalPage } from '../../platform/portal-page';
import { SSTU_UPLOAD_RULES } from './selectors';

/** ССТУ.РФ has no fixed host in the table: registered at run time for the hosts the official added (platform/user-hosts.ts). */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    startPortalPage(ctx, undefined, SSTU_UPLOAD_RULES);
  },
});
