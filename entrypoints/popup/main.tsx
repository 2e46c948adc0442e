import { render } from 'preact';
// Inlined, not linked: a linked stylesheet holds back the script until it loads (≈15 ms measured)
import uiCss from '../../components/ui.css?raw';
import dashboardCss from '../../components/dashboard/dashboard.css?raw';
import { Popup, RECENT } from './Popup';
import { readRecent, readSummary } from './first-read';
import { addStyle, publishCards, publishRecent } from './handoff';

/**
 * How long the stored summary's cards wait for the recent list, so both come in one commit (the cards sit
 * above the list: drawn later they would push it down) and the cards' render does not hold up the journal
 * read. A journal busy with a long write (a big check being recorded) does not hold the cards longer.
 */
const CARDS_WAIT_FOR_LIST_MS = 50;

/**
 * The first popup script: renders the frame at once, then the newest checks (raw IndexedDB) and the stored
 * summary's cards together, then loads the second script, which recounts the cards from the journal.
 */
export function startPopup(): void {
  performance.mark('sverka-popup-script');
  addStyle(uiCss + dashboardCss);
  // the journal read goes first: the extension API's first call costs the page a few ms of its own
  const recent = readRecent(RECENT);
  const summary = readSummary(Date.now());
  render(<Popup />, document.getElementById('app')!);

  let listIn = false;
  let showCards: (() => void) | null = null;
  const flushCards = () => {
    showCards?.();
    showCards = null;
  };
  void summary.then((s) => {
    if (!s) return;
    showCards = () => publishCards({ cards: s.cards, from: 'summary', storageLow: false });
    if (listIn) flushCards();
    else setTimeout(flushCards, CARDS_WAIT_FOR_LIST_MS);
  });
  void recent.then((initial) => {
    performance.mark('sverka-popup-read');
    listIn = true;
    // in the same task: one render, one commit
    publishRecent(initial ?? []);
    flushCards();
    const cards = document.createElement('script');
    cards.src = '/popup-cards.js';
    document.body.append(cards);
  });
}
