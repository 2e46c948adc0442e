/** Live recent checks through Dexie (loaded after the first render). */
import { liveQuery } from 'dexie';
import { recentChecks } from '../../lib/journal/store';
import type { CheckEntry } from '../../lib/journal/schema';
import { journal } from '../../platform/journal';

export function subscribeRecent(limit: number, next: (entries: CheckEntry[]) => void): () => void {
  const sub = liveQuery(() => recentChecks(journal, limit)).subscribe({ next, error: () => undefined });
  return () => sub.unsubscribe();
}
