/** The popup's second script: Dexie, live updates and the process cards, loaded after the first render. */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startCards } from './popup/cards-main';

export default defineUnlistedScript(startCards);
