/**
 * A small rule table of Russian number–noun agreement, and a checker over rendered text: after a number,
 * a word of the table must be in the form that number takes (1, 21 → one; 2–4, 22 → few; 0, 5–20, 25 → many);
 * before a number, a participle of the table likewise («отклонена 1 запись», «отклонены 2 записи»).
 */
import { plural } from '../../../lib/plural';

/** [one, few, many] forms of words that follow a number. */
export const AFTER: readonly (readonly [string, string, string])[] = [
  ['лицензия', 'лицензии', 'лицензий'],
  ['файл', 'файла', 'файлов'],
  ['файле', 'файлах', 'файлах'],
  ['ошибка', 'ошибки', 'ошибок'],
  ['отказ', 'отказа', 'отказов'],
  ['запись', 'записи', 'записей'],
  ['записи', 'записях', 'записях'],
  ['сообщение', 'сообщения', 'сообщений'],
  ['тематика', 'тематики', 'тематик'],
  ['пакет', 'пакета', 'пакетов'],
  ['пакете', 'пакетах', 'пакетах'],
  ['раз', 'раза', 'раз'],
  ['строка', 'строки', 'строк'],
  ['проверка', 'проверки', 'проверок'],
  ['проблема', 'проблемы', 'проблем'],
  ['дочернее', 'дочерних', 'дочерних'],
  ['день', 'дня', 'дней'],
  ['предупреждение', 'предупреждения', 'предупреждений'],
  ['переприсвоена', 'переприсвоены', 'переприсвоено'],
  ['загружена', 'загружены', 'загружено'],
  ['повреждён', 'повреждены', 'повреждено'],
];

/** [one, few, many] forms of words that come right before a number. */
export const BEFORE: readonly (readonly [string, string, string])[] = [
  ['отклонена', 'отклонены', 'отклонено'],
  ['отклонён', 'отклонены', 'отклонено'],
  ['осталась', 'осталось', 'осталось'],
];

const formIndex = (n: number) => ['one', 'few', 'many'].indexOf(plural(n, 'one', 'few', 'many'));

function agrees(table: typeof AFTER, n: number, word: string): boolean {
  const w = word.toLowerCase();
  const rows = table.filter((r) => r.includes(w));
  return rows.length === 0 || rows.some((r) => r[formIndex(n)] === w);
}

/** Every place in `text` where a number and a word of the table disagree. */
export function agreementErrors(text: string): string[] {
  const out: string[] = [];
  // a number (digits, maybe with spaces as thousands separators) and the word after it
  for (const m of text.matchAll(/(?<![\d.,:/№-])(\d{1,3}(?:[ \u00a0]\d{3})*|\d+)(?![\d.,:/-]\d)\s+([а-яё]+)/gi)) {
    const n = Number(m[1].replace(/[ \u00a0]/g, ''));
    if (!agrees(AFTER, n, m[2])) out.push(m[0]);
  }
  for (const m of text.matchAll(/([а-яё]+)\s+(\d+)(?![\d.,:/-]\d)/gi)) {
    if (!agrees(BEFORE, Number(m[2]), m[1])) out.push(m[0]);
  }
  return out;
}
