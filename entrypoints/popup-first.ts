/**
 * The popup's first script (popup.html): a small classic script built as one file, no framework — it paints
 * the stored recent checks and then loads popup-app.js (entrypoints/popup/first.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirst } from './popup/first';

export default defineUnlistedScript(startFirst);
