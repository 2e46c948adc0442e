/**
 * Which checks a badge beside a portal file link may show. A page is untrusted: it sees verdicts only for
 * links of its own portal, and only for checks whose bytes the extension itself fetched from that very URL
 * (a download or «Проверить»), or that were captured on that same page. A capture made on another page
 * (or another portal) never vouches for a link, whatever it claimed.
 */
import { headline } from '../checks/headline';
import type { LinkVerdict } from '../capture-protocol';
import type { CheckEntry, Sighting } from './schema';

/** Sightings whose bytes the extension fetched from `sourceUrl` itself. */
const FETCHED_BY_US: ReadonlySet<Sighting['via']> = new Set(['download', 'button']);

export interface LinkLookup {
  /** Link URLs the page asks about, already limited to the page's own portal. */
  urls: readonly string[];
  /** The asking page's own URL (from the message sender). */
  pageUrl: string;
}

export function vouchesFor(s: Sighting, url: string, pageUrl: string): boolean {
  if (s.sourceUrl !== url) return false;
  return FETCHED_BY_US.has(s.via) || s.sourceUrl === pageUrl;
}

/** Newest entries first; the newest vouching check of each URL wins. */
export function linkVerdicts(entries: readonly CheckEntry[], q: LinkLookup): LinkVerdict[] {
  const out: LinkVerdict[] = [];
  const wanted = new Set(q.urls);
  for (const entry of entries) {
    if (entry.id === undefined) continue;
    for (const s of entry.sightings) {
      if (s.sourceUrl && wanted.has(s.sourceUrl) && vouchesFor(s, s.sourceUrl, q.pageUrl)) {
        out.push({ url: s.sourceUrl, entryId: entry.id, verdict: entry.verdict, headline: headline(entry.report) });
        wanted.delete(s.sourceUrl);
      }
    }
  }
  return out;
}
