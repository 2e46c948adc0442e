/**
 * The popup is two scripts (see popup-app.tsx and popup-cards.tsx): the first renders the recent list, the
 * second brings Dexie and the cards. The second hands live updates of the recent list to the first through
 * this document event.
 */
import type { CheckEntry } from '../../lib/journal/schema';

const RECENT_EVENT = 'sverka-popup-recent';

export function publishRecent(entries: CheckEntry[]): void {
  document.dispatchEvent(new CustomEvent<CheckEntry[]>(RECENT_EVENT, { detail: entries }));
}

export function onRecent(next: (entries: CheckEntry[]) => void): () => void {
  const listener = (e: Event) => next((e as CustomEvent<CheckEntry[]>).detail);
  document.addEventListener(RECENT_EVENT, listener);
  return () => document.removeEventListener(RECENT_EVENT, listener);
}

/** Where the second script renders the cards: an element the first script's Preact never fills. */
export const CARDS_SLOT_ID = 'cards-slot';

export function addStyle(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
}
