import { render } from 'preact';
import '../../components/ui.css';
import { Popup, RECENT } from './Popup';
import { readRecent } from './first-read';
import { markPopup } from './timing';

// The journal read starts before anything renders; the first render already holds the list.
performance.mark('sverka-popup-script');
void readRecent(RECENT).then((initial) => {
  render(<Popup initial={initial} />, document.getElementById('app')!);
  // render() commits the DOM synchronously: the list is in the page now
  markPopup('listRendered');
});
