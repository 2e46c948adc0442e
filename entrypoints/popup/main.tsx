import { render } from 'preact';
// Inlined, not linked: a linked stylesheet holds back the script until it loads (≈15 ms measured)
import uiCss from '../../components/ui.css?raw';
import { Popup, RECENT } from './Popup';
import { readRecent } from './first-read';
import { addStyle } from './handoff';
import { markPopup } from './timing';

/** The first popup script: reads the newest checks with raw IndexedDB and renders them, then loads the cards. */
export function startPopup(): void {
  performance.mark('sverka-popup-script');
  addStyle(uiCss);
  void readRecent(RECENT).then((initial) => {
    performance.mark('sverka-popup-read');
    render(<Popup initial={initial} />, document.getElementById('app')!);
    // render() commits the DOM synchronously: the list is in the page now
    markPopup('listRendered');
    const cards = document.createElement('script');
    cards.src = '/popup-cards.js';
    document.body.append(cards);
  });
}
