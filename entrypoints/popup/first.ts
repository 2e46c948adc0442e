/**
 * The popup's tiny first script (no framework): starts both first reads at once, paints the newest checks
 * from the stored summary as text as soon as storage answers — the list is on screen without opening the
 * journal — then loads the Preact popup (main.tsx), which takes the same reads over: it shows the cards and
 * replaces the stored lines with what the journal holds in this same opening.
 */
// Inlined, not linked: a linked stylesheet holds back the script until it loads (≈15 ms measured)
import uiCss from '../../components/ui.css?raw';
import dashboardCss from '../../components/dashboard/dashboard.css?raw';
import { paintRecent } from '../../components/dashboard/recent-list';
import { RECENT_CHECKS, storedRecent } from '../../lib/dashboard/stored-summary';
import { firstReads } from './first-read';
import { addStyle } from './handoff';
import { openOnClick } from './open-page';
import { markPopup } from './timing';

export function startFirst(): void {
  performance.mark('sverka-popup-script');
  const reads = firstReads(RECENT_CHECKS);
  addStyle(uiCss + dashboardCss);
  openOnClick(document);
  void reads.stored.then((raw) => {
    performance.mark('sverka-popup-stored');
    const lines = storedRecent(raw);
    if (lines) {
      const section = document.createElement('div');
      section.className = 'recent-section';
      paintRecent(section, lines);
      document.getElementById('app')!.append(section);
      markPopup('listRendered');
    }
    const app = document.createElement('script');
    app.src = '/popup-app.js';
    document.body.append(app);
  });
}
