/**
 * Runs in the portal page's own world: portals build many files in the page (blob: URLs revoked right after
 * the click) that nothing outside the page can fetch again. Remembers the Blobs given to URL.createObjectURL
 * (bounded: lib/blob-memory.ts) and, when a link to one is clicked (attached or detached), hands the Blob over. Used by the extension's
 * MAIN-world content script and by the userscript.
 */

import { BlobMemory } from '../../lib/blob-memory';

export type OnPageFile = (blob: Blob, name: string) => void;

export function installBlobHook(win: Window & typeof globalThis, onFile: OnPageFile): void {
  const blobs = new BlobMemory<Blob>();
  const originalCreate = win.URL.createObjectURL.bind(win.URL);
  const originalRevoke = win.URL.revokeObjectURL.bind(win.URL);
  win.URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = originalCreate(obj);
    if (obj instanceof win.Blob) blobs.remember(url, obj);
    return url;
  };
  // a link clicked before its URL is revoked was already handed over (the click hands over synchronously)
  win.URL.revokeObjectURL = (url: string) => {
    blobs.forget(url);
    originalRevoke(url);
  };

  const take = (a: HTMLAnchorElement) => {
    const href = a.href;
    if (a.hasAttribute('data-sverka')) return;
    if (!href.startsWith('blob:') && !href.startsWith('data:')) return;
    const name = a.download || a.textContent?.trim() || 'файл';
    const blob = blobs.get(href);
    if (blob) onFile(blob, name);
    else if (href.startsWith('data:')) {
      void win.fetch(href)
        .then((r) => r.blob())
        .then((b) => onFile(b, name), () => undefined);
    }
  };

  win.document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a');
    if (a instanceof win.HTMLAnchorElement) take(a);
  }, true);

  // Download helpers click a detached <a> that never reaches document listeners.
  const proto = win.HTMLAnchorElement.prototype;
  const originalClick = proto.click;
  proto.click = function (this: HTMLAnchorElement) {
    if (!this.isConnected) take(this);
    return originalClick.call(this);
  };
  const originalDispatch = proto.dispatchEvent;
  proto.dispatchEvent = function (this: HTMLAnchorElement, ev: Event) {
    if (!this.isConnected && ev.type === 'click') take(this);
    return originalDispatch.call(this, ev);
  };
}
