import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { recentChecks } from '../../lib/journal/store';
import type { CheckEntry } from '../../lib/journal/schema';
import { journal } from '../../platform/journal';
import { useLive } from '../../components/useLive';
import { CardsCount } from './Cards';
import { RECENT_CHECKS } from '../../lib/dashboard/stored-summary';
import { publishRecent } from './handoff';

/** Live recent checks for the list, and the cards counted from the journal once there are checks. */
function LiveJournal() {
  const recent = useLive(() => recentChecks(journal, RECENT_CHECKS), [], null as CheckEntry[] | null);
  useEffect(() => {
    if (recent) publishRecent(recent);
  }, [recent]);
  return recent && recent.length > 0 ? <CardsCount recent={recent} /> : null;
}

/**
 * The second popup script, loaded once the recent list is read: it renders nothing itself (the first script
 * does) and hands what it counts over through document events (handoff.ts).
 */
export function startCards(): void {
  render(<LiveJournal />, document.createElement('div'));
}
