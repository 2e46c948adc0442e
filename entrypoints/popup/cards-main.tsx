import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import dashboardCss from '../../components/dashboard/dashboard.css?raw';
import { recentChecks } from '../../lib/journal/store';
import type { CheckEntry } from '../../lib/journal/schema';
import { journal } from '../../platform/journal';
import { useLive } from '../../components/useLive';
import { Cards } from './Cards';
import { RECENT } from './Popup';
import { addStyle, CARDS_SLOT_ID, publishRecent } from './handoff';

/** Live recent checks for the list (through the document event) and the process cards once there are checks. */
function CardsRoot() {
  const recent = useLive(() => recentChecks(journal, RECENT), [], null as CheckEntry[] | null);
  useEffect(() => {
    if (recent) publishRecent(recent);
  }, [recent]);
  return recent && recent.length > 0 ? <Cards /> : null;
}

/** The second popup script, loaded once the recent list is on screen. */
export function startCards(): void {
  addStyle(dashboardCss);
  const slot = document.getElementById(CARDS_SLOT_ID);
  if (slot) render(<CardsRoot />, slot);
}
