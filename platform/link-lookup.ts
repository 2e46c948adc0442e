/** `lookup` from a portal page: verdicts for its own portal's file links only (see lib/journal/link-verdicts). */
import type { LinkVerdict } from '../lib/capture-protocol';
import { linkVerdicts } from '../lib/journal/link-verdicts';
import { portalForUrl, type PortalId, type UserHost } from '../lib/portals';
import type { JournalDb } from '../lib/journal/db';

export async function lookupLinks(db: JournalDb, urls: readonly string[], pageUrl: string, pagePortal: PortalId, userHosts: readonly UserHost[]): Promise<LinkVerdict[]> {
  const own = urls.filter((u) => portalForUrl(u, userHosts) === pagePortal);
  if (!own.length) return [];
  // recent checks are few; scan the newest ones rather than indexing URLs
  const recent = await db.checks.orderBy('lastSeenAt').reverse().limit(2000).toArray();
  return linkVerdicts(recent, { urls: own, pageUrl });
}
