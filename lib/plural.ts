/** Russian plural form: plural(5, 'файл', 'файла', 'файлов') → 'файлов'. */
export function plural(n: number, one: string, few: string, many: string): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return many;
  if (b > 1 && b < 5) return few;
  if (b === 1) return one;
  return many;
}

/** The number with its word: countWord(5, 'файл', 'файла', 'файлов') → '5 файлов'. */
export function countWord(n: number, one: string, few: string, many: string): string {
  return `${n} ${plural(n, one, few, many)}`;
}

/**
 * A short past participle agreeing with a count: «1 переприсвоена», «2 переприсвоены», «5 переприсвоено».
 * `stem` is the masculine form («переприсвоен», «повреждён»); feminine nouns (лицензия, запись) by default.
 */
export function participle(n: number, stem: string, gender: 'f' | 'm' = 'f'): string {
  const base = stem.replace(/ён$/, 'ен');
  return plural(n, gender === 'f' ? `${base}а` : stem, `${base}ы`, `${base}о`);
}
