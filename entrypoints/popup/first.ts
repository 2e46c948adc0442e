/**
 * The popup's tiny first script (no framework): starts both first reads at once; as soon as storage answers,
 * paints the popup's frame and the newest checks from the stored summary as text — the list is on screen
 * without opening the journal — then loads the Preact popup (main.tsx), which takes the same reads over: it
 * shows the cards and replaces the stored lines with what the journal holds in this same opening.
 */
// Inlined, not linked: a linked stylesheet holds back the script until it loads (≈15 ms measured)
import uiCss from '../../components/ui.css?raw';
import dashboardCss from '../../components/dashboard/dashboard.css?raw';
import { paintRecent } from '../../components/dashboard/recent-list';
import { RECENT_CHECKS, storedRecent } from '../../lib/dashboard/stored-summary';
import { firstReads } from './first-read';
import { addStyle } from './handoff';
import { openOnClick } from './open-page';
import { paintFrame } from './frame';
import { markPopup } from './timing';

export function startFirst(): void {
  performance.mark('sverka-popup-script');
  const reads = firstReads(RECENT_CHECKS);
  addStyle(uiCss + dashboardCss);
  openOnClick(document);
  void reads.stored.then((raw) => {
    performance.mark('sverka-popup-stored');
    // frame and list in one task: nothing is laid out or painted in between
    const app = paintFrame(document);
    const lines = storedRecent(raw);
    if (lines) {
      const section = document.createElement('div');
      section.className = 'recent-section';
      paintRecent(section, lines);
      app.append(section);
      markPopup('listRendered');
    }
    const next = document.createElement('script');
    next.src = '/popup-app.js';
    document.body.append(next);
  });
}
