/**
 * Texts the portals emit in renumbering files (seed 000, figures 6, 7, 12, 13), and how they are recognised.
 * One place for them: checks, ledger and letters all ask here.
 */
import { portalById } from '../portals';

/** ЕРУЛ: the licence already has a ЕРУЛ number (issued after 01.03.2022); not critical. */
export const ALREADY_IN_ERUL_TEXT = 'Сервис не предназначен для переприсвоения номеров полученных в ЕРУЛ.';
/** ТОР КНД import: the description that goes with ЕРУЛ's «Сервис не предназначен…». */
export const IMPORT_ERUL_ERROR_PREFIX = 'Ошибка ЕРУЛ для лицензии';

/** ГИС ТОР КНД support (from the one table of portals). */
export const TOR_KND_SUPPORT = portalById('tor-knd').supportEmail ?? 'kndsupport@voskhod.ru';

function squash(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0]+/g, ' ').trim();
}

const ALREADY_RE = /сервис не предназначен для переприсвоения/;

/** «Сервис не предназначен для переприсвоения номеров полученных в ЕРУЛ.» in any spacing or case. */
let lastAlready = ALREADY_IN_ERUL_TEXT;

export function isAlreadyInErulError(error: string): boolean {
  // the same string object again and again in a big file: an identity check first, no text comparison
  if (error === lastAlready || error === ALREADY_IN_ERUL_TEXT) {
    lastAlready = error;
    return true;
  }
  const yes = error.length > 20 && ALREADY_RE.test(squash(error));
  if (yes) lastAlready = error;
  return yes;
}

/** «Ошибка ЕРУЛ для лицензии с номером '…'» (ТОР КНД import description). */
export function isImportErulError(description: string): boolean {
  return squash(description).startsWith('ошибка ерул');
}

/** An «error» field that says nothing went wrong: empty, or only spaces/dashes. */
export function isEmptyError(error: string): boolean {
  return error.length === 0 || (error.length < 8 && /^[\s\-—–.]*$/.test(error));
}
