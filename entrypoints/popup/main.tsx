import { render } from 'preact';
import { RECENT_CHECKS, storedRecent, usableSummary } from '../../lib/dashboard/stored-summary';
import { Popup } from './Popup';
import { firstReads } from './first-read';
import { publishCards, publishRecent } from './handoff';

/**
 * Without stored lines (no summary yet, an older schema), how long the stored summary's cards wait for the
 * journal's list, so both come in one commit (the cards sit above the list: drawn later they would push it
 * down) and the cards' render does not hold up the journal read. A journal busy with a long write (a big
 * check being recorded) does not hold the cards longer.
 */
const CARDS_WAIT_FOR_LIST_MS = 50;

/**
 * The Preact popup, loaded by the first script (first.ts) once the stored summary is read: renders the
 * stored lines (as the first script painted them) and the stored cards at once, then the journal's newest
 * checks in their place, then loads the second script, which recounts the cards from the journal.
 */
export function startPopup(): void {
  performance.mark('sverka-popup-app');
  const { recent, stored } = firstReads(RECENT_CHECKS);
  void stored.then((raw) => {
    const lines = storedRecent(raw) ?? undefined;
    const summary = usableSummary(raw, Date.now());
    const app = document.getElementById('app')!;
    // the first script's paint makes way for the same lines painted by the popup, in this one task
    app.replaceChildren();
    render(<Popup stored={lines} />, app);

    let listIn = !!lines;
    let showCards: (() => void) | null = null;
    const flushCards = () => {
      showCards?.();
      showCards = null;
    };
    if (summary) {
      showCards = () => publishCards({ cards: summary.cards, from: 'summary', storageLow: false });
      if (listIn) flushCards();
      else setTimeout(flushCards, CARDS_WAIT_FOR_LIST_MS);
    }
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
  });
}
