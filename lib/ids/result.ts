/** Result of checking an identifier: the normalised value, or the Russian reason it is wrong. */
export type IdCheck = { ok: true; value: string } | { ok: false; reason: string };

export const ok = (value: string): IdCheck => ({ ok: true, value });
export const bad = (reason: string): IdCheck => ({ ok: false, reason });

export function digitsOnly(input: string): string {
  return input.replace(/[\s\-‐–—.]/g, '');
}
