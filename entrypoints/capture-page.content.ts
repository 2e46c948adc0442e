/**
 * Runs in the portal page's own world (the blob hook, components/inpage/blob-hook.ts) and posts each file
 * the page builds to our isolated content script (platform/relay-capture.ts). Nothing about where the bytes
 * came from is sent: the worker takes the file's origin from the tab itself.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { fixedPortalMatchPatterns } from '../lib/portals';
import { CAPTURE_WINDOW_TAG } from '../lib/capture-protocol';
import { installBlobHook } from '../components/inpage/blob-hook';

export default defineContentScript({
  matches: fixedPortalMatchPatterns(),
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: false,
  main() {
    installBlobHook(window, (blob, name) => window.postMessage({ tag: CAPTURE_WINDOW_TAG, name, blob }, location.origin));
  },
});
