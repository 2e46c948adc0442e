/**
 * What a portal's file input expects, and what the official hears when the chosen file is something else.
 * Pure: the portal's selectors file collects the words around an input (dialog title, label, button); the
 * rules here turn them into the kind the input expects.
 */
import type { KindId } from '../checks/kinds';

/**
 * A kind an upload input can expect. `egisso-package` (ЕГИССО outgoing package) comes with the ЕГИССО
 * issue; until its KindId lands the string is tolerated here, and `isExpectedKindKnown` says so.
 */
export type ExpectedKind = KindId | 'egisso-package';

/** One rule of a portal's selectors file: when the words around an input match, it expects this kind. */
export interface UploadRule {
  expect: ExpectedKind;
  /** Matched against each context text of the input (nearest first). */
  context: RegExp;
}

/** How the official calls a kind of file: as a subject («Это …») and as an object («здесь ждут …»). */
interface KindWords {
  is: string;
  wanted: string;
}

const WORDS: Record<KindId, KindWords> = {
  'erul-renumbering-result': { is: 'результат ЕРУЛ', wanted: 'результат ЕРУЛ' },
  'tor-knd-import-result': { is: 'результат загрузки номеров в ТОР КНД', wanted: 'результат загрузки номеров в ТОР КНД' },
  'tor-knd-registry-export': { is: 'выгрузка реестра лицензий из ТОР КНД', wanted: 'выгрузку реестра лицензий из ТОР КНД' },
  'sstu-unbound-topics': { is: 'перечень сообщений без тематик УРОГ', wanted: 'перечень сообщений без тематик УРОГ' },
  'sstu-lko-without-id': { is: 'перечень ЛКО без идентификатора ССТУ.РФ', wanted: 'перечень ЛКО без идентификатора ССТУ.РФ' },
  'sstu-upload-status': { is: 'отчёт о статусе выгрузки в ССТУ.РФ', wanted: 'отчёт о статусе выгрузки в ССТУ.РФ' },
  'sstu-error-report': { is: 'отчёт с ошибками передачи в ССТУ.РФ', wanted: 'отчёт с ошибками передачи в ССТУ.РФ' },
  'sstu-status-count': { is: 'отчёт о количестве загруженных статусов', wanted: 'отчёт о количестве загруженных статусов' },
  'sstu-archive': { is: 'архив для ССТУ.РФ', wanted: 'архив для ССТУ.РФ (Файл_N.zip)' },
  'egisso-protocol': { is: 'протокол обработки', wanted: 'протокол обработки ЕГИССО' },
  'egisso-package': { is: 'пакет для ЕГИССО', wanted: 'пакет для ЕГИССО (файл экспорта)' },
  unknown: { is: 'неизвестный файл', wanted: 'любой файл' },
};

/** The kind the input expects: the first context text (nearest first) that a rule matches; null when none. */
export function expectedKind(contexts: readonly string[], rules: readonly UploadRule[]): ExpectedKind | null {
  for (const text of contexts) {
    const t = text.replace(/\s+/g, ' ').trim();
    if (!t) continue;
    for (const rule of rules) if (rule.context.test(t)) return rule.expect;
  }
  return null;
}

export function isExpectedKind(value: string): value is ExpectedKind {
  return Object.prototype.hasOwnProperty.call(WORDS, value) && value !== 'unknown';
}

/** null when the file is what the input expects (or nothing is expected); else the one-line error. */
export function wrongKindMessage(actual: string, expected: ExpectedKind | null): string | null {
  if (!expected || actual === expected) return null;
  const wanted = WORDS[expected].wanted;
  if (actual === 'unknown') return `Сверка не узнала этот файл, а здесь ждут ${wanted}. Проверьте, тот ли файл выбран.`;
  const is = isExpectedKind(actual) ? WORDS[actual].is : 'другой файл';
  return `Это ${is}, а здесь ждут ${wanted}`;
}
