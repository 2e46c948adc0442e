/**
 * The Preact popup, loaded by the first script (popup-first.ts) once the stored summary is read: a classic
 * script built as one file (one request instead of a module graph).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPopup } from './popup/main';

export default defineUnlistedScript(startPopup);
