/**
 * A sliding-window counter: at most `limit` events per key within `windowMs`. Page captures go through it
 * so a portal page's script cannot flood the journal.
 */
export class RateLimiter {
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one event for every key; false (and nothing counted) when any key is over its limit. */
  take(...keys: string[]): boolean {
    const t = this.now();
    const recent = keys.map((k) => (this.seen.get(k) ?? []).filter((at) => t - at < this.windowMs));
    keys.forEach((k, i) => this.seen.set(k, recent[i]));
    if (recent.some((list) => list.length >= this.limit)) return false;
    for (const list of recent) list.push(t);
    return true;
  }
}

/** Page captures: a few files a minute per tab is what an official downloads; a flood is a script. */
export const PAGE_CAPTURES_PER_TAB_PER_MINUTE = 12;
export const PAGE_CAPTURES_PER_MINUTE = 30;
const perTab = new RateLimiter(PAGE_CAPTURES_PER_TAB_PER_MINUTE, 60_000);
const everywhere = new RateLimiter(PAGE_CAPTURES_PER_MINUTE, 60_000);

export const PAGE_CAPTURE_REFUSED = 'Слишком много файлов с этой страницы за минуту: Сверка проверит следующие чуть позже. Если файл нужен сейчас, перетащите его на страницу «Проверить файлы».';

/** True when one more page capture from this tab may be taken up now. */
export function takePageCapture(tabId: number | undefined): boolean {
  const tab = `tab:${tabId ?? 'none'}`;
  if (!perTab.take(tab)) return false;
  return everywhere.take('all');
}
