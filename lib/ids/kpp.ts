import { bad, ok, type IdCheck } from './result';

/** КПП: 4 digits, 2 digits or capital Latin letters, 3 digits. */
export function checkKpp(input: string): IdCheck {
  const v = input.replace(/\s/g, '').toUpperCase();
  if (!v) return bad('КПП не указан.');
  if (v.length !== 9) return bad(`В КПП должно быть 9 знаков, а указано ${v.length}.`);
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(v) ? ok(v) : bad('КПП записан неверно: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры.');
}
