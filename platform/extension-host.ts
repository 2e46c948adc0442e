/** The extension's side of the in-page host: every request goes to the service worker as a message. */
import { browser } from 'wxt/browser';
import type { LinkVerdict } from '../lib/capture-protocol';
import type { InpageHost, PageNotice } from '../components/inpage/host';
import { relayToWorker } from './relay-capture';
import { prewarmUploadChecks, relayUpload } from './upload-relay';

export function extensionHost(): InpageHost & { dispose(): void } {
  const listeners = new Set<(n: PageNotice) => void>();
  const emit = (n: PageNotice) => {
    for (const l of listeners) l(n);
  };
  const onMessage = (msg: unknown) => {
    const m = msg as { type?: string; fileName?: unknown; message?: unknown } | null;
    if (m?.type === 'check-done' || m?.type === 'check-progress') emit(m as PageNotice);
    else if (m?.type === 'check-failed') {
      const sourceUrl = (m as { sourceUrl?: unknown }).sourceUrl;
      emit({ type: 'check-failed', fileName: String(m.fileName ?? ''), message: String(m.message ?? ''), ...(typeof sourceUrl === 'string' ? { sourceUrl } : {}) });
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  return {
    async checkUrl(url, name) {
      const answer = (await browser.runtime.sendMessage({ type: 'check-url', url, name }).catch(() => null)) as { ok?: boolean } | null;
      return { ok: answer?.ok === true };
    },
    checkBlob(blob, name) {
      // where the bytes came from is not sent: the worker takes it from this tab
      emit({ type: 'check-started', fileName: name });
      void relayToWorker(blob, name, emit);
    },
    checkUpload: relayUpload,
    prewarmUpload: prewarmUploadChecks,
    async lookup(urls) {
      return ((await browser.runtime.sendMessage({ type: 'lookup', urls })) ?? []) as LinkVerdict[];
    },
    openReport(entryId) {
      void browser.runtime.sendMessage({ type: 'open-report', entryId });
    },
    listen(onNotice) {
      listeners.add(onNotice);
      return () => listeners.delete(onNotice);
    },
    fileLinkClicked() {
      void browser.runtime.sendMessage({ type: 'file-link-clicked' }).catch(() => undefined);
    },
    dispose() {
      browser.runtime.onMessage.removeListener(onMessage);
      listeners.clear();
    },
  };
}
