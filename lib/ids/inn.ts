import { bad, digitsOnly, ok, type IdCheck } from './result';

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function control(d: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(d[i]) * weights[i];
  return (sum % 11) % 10;
}

/** ИНН: 10 digits (organisation) or 12 (person, ИП), with check digits. */
export function checkInn(input: string, allowed: 10 | 12 | 'any' = 'any'): IdCheck {
  const d = digitsOnly(input);
  if (!d) return bad('ИНН не указан.');
  if (!/^\d+$/.test(d)) return bad('В ИНН должны быть только цифры.');
  if (d.length !== 10 && d.length !== 12) return bad(`В ИНН должно быть 10 цифр (организация) или 12 (физическое лицо, ИП), а указано ${d.length}.`);
  if (allowed !== 'any' && d.length !== allowed) {
    return bad(allowed === 10 ? 'Для организации ИНН состоит из 10 цифр.' : 'Для физического лица ИНН состоит из 12 цифр.');
  }
  const okDigits =
    d.length === 10
      ? control(d, W10) === Number(d[9])
      : control(d, W11) === Number(d[10]) && control(d, W12) === Number(d[11]);
  return okDigits ? ok(d) : bad('Контрольная цифра ИНН не сходится: в номере опечатка.');
}
