/**
 * Runs in the portal page's own world: portals build many files in the page (blob: URLs revoked right
 * after the click) that the service worker cannot re-fetch. Remember each Blob given to
 * URL.createObjectURL and, when a link to it is clicked, hand the Blob to our isolated content script.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { fixedPortalMatchPatterns } from '../lib/portals';
import { CAPTURE_WINDOW_TAG } from '../lib/capture-protocol';
import { BlobMemory } from '../lib/blob-memory';

export default defineContentScript({
  matches: fixedPortalMatchPatterns(),
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: false,
  main() {
    const blobs = new BlobMemory<Blob>();
    const originalCreate = URL.createObjectURL.bind(URL);
    const originalRevoke = URL.revokeObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      const url = originalCreate(obj);
      if (obj instanceof Blob) blobs.remember(url, obj);
      return url;
    };
    // a link clicked before its URL is revoked was already handed over (the click relays synchronously)
    URL.revokeObjectURL = (url: string) => {
      blobs.forget(url);
      originalRevoke(url);
    };

    const relay = (a: HTMLAnchorElement) => {
      const href = a.href;
      if (!href.startsWith('blob:') && !href.startsWith('data:')) return;
      const name = a.download || a.textContent?.trim() || 'файл';
      const blob = blobs.get(href);
      if (blob) {
        window.postMessage({ tag: CAPTURE_WINDOW_TAG, name, blob }, location.origin);
      } else if (href.startsWith('data:')) {
        void fetch(href)
          .then((r) => r.blob())
          .then((b) => window.postMessage({ tag: CAPTURE_WINDOW_TAG, name, blob: b }, location.origin));
      }
    };

    document.addEventListener('click', (e) => {
      const a = (e.target as Element | null)?.closest?.('a');
      if (a instanceof HTMLAnchorElement) relay(a);
    }, true);

    // Download helpers click a detached <a> that never reaches document listeners.
    const originalClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (!this.isConnected) relay(this);
      return originalClick.call(this);
    };
    const originalDispatch = HTMLAnchorElement.prototype.dispatchEvent;
    HTMLAnchorElement.prototype.dispatchEvent = function (this: HTMLAnchorElement, ev: Event) {
      if (!this.isConnected && ev.type === 'click') relay(this);
      return originalDispatch.call(this, ev);
    };
  },
});
