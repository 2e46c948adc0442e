/** Who sent a message: only our own extension, top frames of portal pages, or our own pages are heard. */
import { browser } from 'wxt/browser';
import { portalForUrl, type PortalId, type UserHost } from '../lib/portals';

export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** The portal of a content-script sender in a top frame, or null (then the message is ignored). */
export function portalOfContentSender(sender: SenderLike, userHosts: readonly UserHost[]): PortalId | null {
  if (sender.id !== browser.runtime.id) return null;
  if (!sender.tab || sender.frameId !== 0 || !sender.url) return null;
  return portalForUrl(sender.url, userHosts);
}

export function isExtensionPageSender(sender: SenderLike): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}
