import { bad, digitsOnly, ok, type IdCheck } from './result';

/** The check number of the first 9 digits of a СНИЛС. */
export function snilsCheckNumber(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (9 - i);
  if (sum < 100) return sum;
  if (sum === 100 || sum === 101) return 0;
  const r = sum % 101;
  return r === 100 ? 0 : r;
}

/** СНИЛС: 11 digits ("123-456-789 64" or "12345678964"); the check number applies above 001-001-998. */
export function checkSnils(input: string): IdCheck {
  const d = digitsOnly(input);
  if (!d) return bad('СНИЛС не указан.');
  if (!/^\d+$/.test(d)) return bad('В СНИЛС должны быть только цифры.');
  if (d.length !== 11) return bad(`В СНИЛС должно быть 11 цифр, а указано ${d.length}.`);
  const nine = d.slice(0, 9);
  if (Number(nine) > 1001998 && snilsCheckNumber(nine) !== Number(d.slice(9))) {
    return bad('Контрольное число СНИЛС не сходится: в номере опечатка. Сверьте его с документом.');
  }
  return ok(d);
}

export function formatSnils(d: string): string {
  return d.length === 11 ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}` : d;
}
