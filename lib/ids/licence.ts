/**
 * Licence numbers of the Единый реестр учёта лицензий (ЕРУЛ): «Л» + 3-digit activity code «-» 5-digit
 * licensing-body code «-» 2-digit region code «/» serial (8 digits in numbers ЕРУЛ assigns).
 * Old numbers come in many older forms: any non-empty string is accepted as an old number.
 */
import { bad, ok, type IdCheck } from './result';

/** Full ЕРУЛ form with an 8-digit serial: what ЕРУЛ assigns now. */
export const NEW_LICENCE_RE = /^Л\d{3}-\d{5}-\d{2}\/\d{8}$/;
/** ЕРУЛ form with a serial of any length (older numbers of the same shape: «Л023-00119-76/001082»). */
export const ERUL_SHAPE_RE = /^Л\d{3}-\d{5}-\d{2}\/\d+$/;
/** Looks like it tries to be of the ЕРУЛ form (starts «Л003-»), whatever follows. */
const ERUL_LIKE_RE = /^Л\d{3}-/;

export interface NormalisedLicence {
  /** Trimmed, Latin «L» at the start replaced by Cyrillic «Л», dashes unified, spaces inside removed. */
  value: string;
  /** The number began with a Latin «L» (or «l»/«л») instead of «Л». */
  latin: boolean;
  /** There were spaces around (or inside) the number. */
  spaces: boolean;
}

const CANONICAL_FAST = /^Л[^\s]*$/;

/**
 * Normalises a licence number for display and matching. Cheap for the common case (already canonical).
 */
export function normaliseLicence(input: string): NormalisedLicence {
  if (CANONICAL_FAST.test(input) && !/[‐-―−]/.test(input)) return { value: input, latin: false, spaces: false };
  let v = input;
  let spaces = false;
  if (/\s/.test(v)) {
    spaces = true;
    v = v.replace(/\s+/g, '');
  }
  v = v.replace(/[‐-―−]/g, '-');
  let latin = false;
  const c = v.charCodeAt(0);
  // "L", "l" (Latin) or "л" (lower-case Cyrillic) before a digit: the «Л» of the ЕРУЛ form
  if ((c === 0x4c || c === 0x6c) && /^[Ll]\d/.test(v)) {
    latin = true;
    v = `Л${v.slice(1)}`;
  } else if (c === 0x43b && /^л\d/.test(v)) {
    v = `Л${v.slice(1)}`;
  }
  return { value: v, latin, spaces };
}

/** The key licences are matched by across files (the normalised value). */
export function licenceKey(input: string): string {
  return normaliseLicence(input).value;
}

/** The part before «/» when the number has the ЕРУЛ shape (activity, body and region codes); null otherwise. */
export function licencePrefix(normalised: string): string | null {
  if (!ERUL_SHAPE_RE.test(normalised)) return null;
  return normalised.slice(0, normalised.indexOf('/'));
}

/**
 * A pair is consistent when old and new have the same activity, body and region codes (the part before «/»).
 * An old number of an older form (no ЕРУЛ shape) cannot be compared: it counts as consistent.
 */
export function pairConsistent(oldNormalised: string, newNormalised: string): boolean {
  const op = licencePrefix(oldNormalised);
  if (op === null) return true;
  const np = licencePrefix(newNormalised);
  return np === null || np === op;
}

/** A new number from ЕРУЛ: must be of the full ЕРУЛ form with an 8-digit serial. */
export function checkNewLicence(input: string): IdCheck {
  const { value, latin } = normaliseLicence(input);
  if (!value) return bad('Новый номер лицензии пустой.');
  if (NEW_LICENCE_RE.test(value)) return ok(value);
  const hint = latin ? ' (в начале стоит латинская «L» вместо русской «Л»)' : '';
  if (!value.startsWith('Л')) {
    return bad(`Номер «${value}» не по форме ЕРУЛ: он должен начинаться с русской буквы «Л», например «Л023-00119-76/00388825».`);
  }
  const m = /^Л(\d*)-(\d*)-(\d*)\/(\d*)$/.exec(value);
  if (!m) return bad(`Номер «${value}»${hint} не по форме ЕРУЛ «Л000-00000-00/00000000» (код вида деятельности, код лицензирующего органа, код региона, порядковый номер).`);
  if (m[1].length !== 3) return bad(`В номере «${value}» код вида деятельности после «Л» должен быть из 3 цифр, а в нём ${m[1].length}.`);
  if (m[2].length !== 5) return bad(`В номере «${value}» код лицензирующего органа должен быть из 5 цифр, а в нём ${m[2].length}.`);
  if (m[3].length !== 2) return bad(`В номере «${value}» код региона должен быть из 2 цифр, а в нём ${m[3].length}.`);
  return bad(`В номере «${value}» порядковый номер после «/» должен быть из 8 цифр, а в нём ${m[4].length}.`);
}

/**
 * An old number (the registry export, the «old_number» of results): any non-empty string, except one that
 * starts like the ЕРУЛ form («Л023-») but breaks it (a damaged number).
 */
export function checkOldLicence(input: string): IdCheck {
  const { value } = normaliseLicence(input);
  if (!value) return bad('Номер лицензии пустой.');
  if (!/[0-9A-Za-zА-Яа-яЁё]/.test(value)) return bad(`«${value}» не похоже на номер лицензии: в нём нет ни букв, ни цифр.`);
  if (/[\u0000-\u001f]/.test(value)) return bad(`В номере лицензии «${value.replace(/[\u0000-\u001f]/g, '?')}» есть управляющие символы.`);
  if (ERUL_LIKE_RE.test(value) && !ERUL_SHAPE_RE.test(value)) {
    return bad(`Номер «${value}» начат по форме ЕРУЛ, но не закончен по ней: нужно «Л000-00000-00/номер».`);
  }
  return ok(value);
}

/** Whether a string looks like a licence number of the ЕРУЛ shape (used to find licences in unknown layouts). */
export function looksLikeErulNumber(input: string): boolean {
  if (input.length < 15 || input.length > 40) return false;
  return ERUL_SHAPE_RE.test(normaliseLicence(input).value);
}
