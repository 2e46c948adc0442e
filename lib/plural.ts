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
