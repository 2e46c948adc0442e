/**
 * The letter to the ПОС operator's support (seed 004, п. 7): sent to sd@sc.digital.gov.ru, it holds exactly
 * the four items the instruction requires, numbered as in its example:
 *   1) the organisation's name; 2) ИНН and/or ОГРН; 3) the system «ПОС. Модуль сообщения»; 4) the description.
 * For unbound topics the description is one line per distinct topic:
 *   «Отсутствует привязка факта «…» подкатегории «…» к классификатору УРОГ.»
 */
import { encodeForMailto, wellFormed } from './safe-text';
import { checkInn } from '../ids/inn';
import { checkOgrn } from '../ids/ogrn';
import { POS_SUPPORT_EMAIL, topicLine, type TopicLike } from '../sstu/topics';

export const POS_SYSTEM_NAME = 'ПОС. Модуль сообщения';

/** The organisation as the official filled it in the options. */
export interface OrgProfile {
  name: string;
  inn?: string;
  ogrn?: string;
}

/** Transfer errors from «Отчет с ошибками», for the description. */
export interface TransferErrorsInput {
  connectionErrors: number;
  /** Connection errors ПОС will not retry itself. */
  connectionNoRetry: number;
  rejections: readonly { text: string; messages: number; steps?: readonly string[] }[];
  /** Appeal numbers affected (the first few are quoted). */
  numbers?: readonly string[];
}

export interface PosLetterInput {
  profile: OrgProfile;
  /** Unbound topics (the `topics` of an sstu-unbound-topics report, possibly of several). */
  topics?: readonly TopicLike[];
  transferErrors?: TransferErrorsInput;
  /** Free text for the description when neither of the above applies. */
  description?: string;
  /** «ноябрь 2023», when known: named in the subject. */
  period?: string;
}

export interface Letter {
  to: string;
  subject: string;
  body: string;
  mailto: string;
  /** Russian: what the official must fix before sending (missing or wrong ИНН/ОГРН, no description…). */
  problems: string[];
}

/** Longer mailto: links are cut or refused by some mail programs (Cyrillic takes 6 characters a letter once encoded). */
export const MAILTO_SAFE_LENGTH = 8000;

function dedupeTopics(topics: readonly TopicLike[]): TopicLike[] {
  const seen = new Set<string>();
  const out: TopicLike[] = [];
  for (const t of topics) {
    const key = [t.category, t.subcategory, t.fact].map((s) => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ')).join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

function transferLines(t: TransferErrorsInput): string[] {
  const lines: string[] = [];
  if (t.connectionErrors > 0) {
    lines.push(
      `При автоматической передаче данных в ССТУ.РФ возникли ошибки связи («Внутренний сбой или ошибка каналов связи»): ${t.connectionErrors}` +
        (t.connectionNoRetry > 0 ? `, из них повторная отправка не ожидается: ${t.connectionNoRetry}.` : '.'),
    );
  }
  for (const r of t.rejections) {
    const steps = r.steps && r.steps.length ? ` (шаг ${r.steps.join(', ')})` : '';
    lines.push(`ССТУ.РФ отказал в приёме сообщений (${r.messages})${steps}: «${r.text}».`);
  }
  if (lines.length && t.numbers && t.numbers.length) {
    const shown = t.numbers.slice(0, 20);
    lines.push(`Номера обращений в ПОС: ${shown.join(', ')}${t.numbers.length > shown.length ? ` и ещё ${t.numbers.length - shown.length}` : ''}.`);
  }
  return lines;
}

function ensureDot(s: string): string {
  const t = s.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

export function posSupportLetter(input: PosLetterInput): Letter {
  const problems: string[] = [];
  const name = input.profile.name.trim().replace(/\s+/g, ' ');
  if (!name) problems.push('Не указано наименование органа или организации: заполните его в настройках расширения.');

  const ids: string[] = [];
  const innRaw = input.profile.inn?.trim() ?? '';
  const ogrnRaw = input.profile.ogrn?.trim() ?? '';
  if (ogrnRaw) {
    const r = checkOgrn(ogrnRaw);
    if (r.ok) ids.push(`ОГРН ${r.value}`);
    else problems.push(`ОГРН «${ogrnRaw}» не подходит: ${r.reason} Исправьте его в настройках — в письмо он не включён.`);
  }
  if (innRaw) {
    const r = checkInn(innRaw);
    if (r.ok) ids.push(`ИНН ${r.value}`);
    else problems.push(`ИНН «${innRaw}» не подходит: ${r.reason} Исправьте его в настройках — в письмо он не включён.`);
  }
  if (!innRaw && !ogrnRaw) problems.push('Не указаны ни ИНН, ни ОГРН: инструкция требует хотя бы один из них. Заполните их в настройках расширения.');

  const description: string[] = [];
  const topics = dedupeTopics(input.topics ?? []);
  for (const t of topics) description.push(topicLine(t));
  if (input.transferErrors) description.push(...transferLines(input.transferErrors));
  if (input.description?.trim()) description.push(ensureDot(input.description.replace(/\s*\n\s*/g, ' ')));
  if (description.length === 0) problems.push('Нечего описать в пункте 4: нет ни тематик без привязки к УРОГ, ни ошибок передачи. Допишите причину обращения сами.');

  const body = [
    `1) ${name ? ensureDot(name) : '<наименование органа или организации>.'}`,
    `2) ${ids.length ? `${ids.join(' / ')}.` : '<ИНН и/или ОГРН>.'}`,
    `3) ${POS_SYSTEM_NAME}.`,
    `4) ${description.length ? description.join('\n') : '<описание причины и сути обращения>'}`,
  ].join('\n');

  const what = topics.length
    ? 'отсутствует привязка тематик к классификатору УРОГ'
    : input.transferErrors
      ? 'ошибки передачи данных в ССТУ.РФ'
      : 'обращение по выгрузке в ССТУ.РФ';
  const subject = `${POS_SYSTEM_NAME}: ${what}${input.period ? ` за ${input.period}` : ''}`;
  const mailto = `mailto:${POS_SUPPORT_EMAIL}?subject=${encodeForMailto(subject)}&body=${encodeForMailto(body.replace(/\n/g, '\r\n'))}`;
  if (mailto.length > MAILTO_SAFE_LENGTH) {
    problems.push('Письмо длинное: почтовая программа может обрезать его при открытии по ссылке. Скопируйте текст кнопкой «Скопировать» и вставьте в письмо.');
  }
  return { to: POS_SUPPORT_EMAIL, subject: wellFormed(subject), body: wellFormed(body), mailto, problems };
}
