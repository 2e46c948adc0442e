import { bad, digitsOnly, ok, type IdCheck } from './result';

function mod(numeric: string, m: number): number {
  // digit by digit: 14-digit prefixes exceed 2^53 precision only at the end, so stay exact
  let r = 0;
  for (const ch of numeric) r = (r * 10 + Number(ch)) % m;
  return r;
}

/** ОГРН (13 digits) or ОГРНИП (15 digits) with the check digit. */
export function checkOgrn(input: string, allowed: 13 | 15 | 'any' = 'any'): IdCheck {
  const d = digitsOnly(input);
  if (!d) return bad('ОГРН не указан.');
  if (!/^\d+$/.test(d)) return bad('В ОГРН должны быть только цифры.');
  if (d.length !== 13 && d.length !== 15) return bad(`В ОГРН должно быть 13 цифр (ОГРНИП — 15), а указано ${d.length}.`);
  if (allowed !== 'any' && d.length !== allowed) return bad(allowed === 13 ? 'ОГРН организации состоит из 13 цифр.' : 'ОГРНИП состоит из 15 цифр.');
  const expected = d.length === 13 ? mod(d.slice(0, 12), 11) % 10 : mod(d.slice(0, 14), 13) % 10;
  return expected === Number(d[d.length - 1]) ? ok(d) : bad('Контрольная цифра ОГРН не сходится: в номере опечатка.');
}
