/**
 * ЕЦП.МИС (regional hosts, added by the user): the ЕГИССО module helpers. The hosts differ per region, so
 * this script is not in the manifest: the background registers it with `scripting.registerContentScripts`
 * for the user's ЕЦП.МИС hosts once the optional host permission is granted (registration: 'runtime').
 * Pages are recognised by content, so it is harmless on the rest of the МИС.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPortalPage } from '../../platform/portal-page';
import { mountEgissoPanel, showFieldHint } from '../../components/egisso/inpage';
import { runEgissoHelpers } from './helpers';
import { ECP_MIS_UPLOAD_RULES } from './selectors';

const DEBOUNCE_MS = 300;

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    startPortalPage(ctx, undefined, ECP_MIS_UPLOAD_RULES);
    const panel = mountEgissoPanel();
    const shown = new Map<Element, true>();
    const ui = { showFieldHint, showPanel: panel.show };
    let timer: number | undefined;
    const schedule = () => {
      if (timer !== undefined) return;
      timer = ctx.setTimeout(() => {
        timer = undefined;
        runEgissoHelpers(document, ui, shown);
      }, DEBOUNCE_MS);
    };
    // The МИС is a single-page application: observe re-renders instead of polling; our own shadow hosts
    // are ignored so that showing a hint does not trigger another pass.
    const observer = new MutationObserver((records) => {
      if (records.every((r) => (r.target as Element).closest?.('[data-sverka]') || [...r.addedNodes, ...r.removedNodes].every((n) => (n as Element).getAttribute?.('data-sverka')))) return;
      schedule();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const onInput = () => schedule();
    document.addEventListener('input', onInput, true);
    document.addEventListener('change', onInput, true);
    ctx.onInvalidated(() => {
      observer.disconnect();
      document.removeEventListener('input', onInput, true);
      document.removeEventListener('change', onInput, true);
      for (const a of shown.keys()) showFieldHint(a, null);
      panel.destroy();
    });
    schedule();
  },
});
