import { render } from 'preact';
// Inlined, not linked: a linked stylesheet holds back the script until it loads (≈15 ms measured)
import uiCss from '../../components/ui.css?raw';
import dashboardCss from '../../components/dashboard/dashboard.css?raw';
import { Popup, RECENT } from './Popup';
import { readRecent, readSummary } from './first-read';
import { addStyle, publishCards, publishRecent } from './handoff';

/**
 * The first popup script: renders the frame at once, then the stored summary's cards and the newest checks
 * (raw IndexedDB) as each read arrives — neither waits for the other — then loads the second script, which
 * recounts the cards from the journal.
 */
export function startPopup(): void {
  performance.mark('sverka-popup-script');
  addStyle(uiCss + dashboardCss);
  // the journal read goes first: the extension API's first call costs the page a few ms of its own
  const recent = readRecent(RECENT);
  const summary = readSummary(Date.now());
  render(<Popup />, document.getElementById('app')!);
  void summary.then((s) => {
    if (s) publishCards({ cards: s.cards, from: 'summary', storageLow: false });
  });
  void recent.then((initial) => {
    performance.mark('sverka-popup-read');
    publishRecent(initial ?? []);
    const cards = document.createElement('script');
    cards.src = '/popup-cards.js';
    document.body.append(cards);
  });
}
