/**
 * The popup is two scripts (see popup-app.tsx and popup-cards.tsx): the first renders the list and the cards,
 * the second brings Dexie, recounts both live and hands them to the first through these document events;
 * card buttons that need the settings (a period marked closed) go back the other way.
 */
import type { CheckEntry } from '../../lib/journal/schema';
import type { CardAction, CardModel } from '../../lib/dashboard/types';

const RECENT_EVENT = 'sverka-popup-recent';
const CARDS_EVENT = 'sverka-popup-cards';
const TOGGLE_EVENT = 'sverka-popup-toggle-period';

function publish<T>(name: string, detail: T): void {
  document.dispatchEvent(new CustomEvent<T>(name, { detail }));
}

function listen<T>(name: string, next: (detail: T) => void): () => void {
  const listener = (e: Event) => next((e as CustomEvent<T>).detail);
  document.addEventListener(name, listener);
  return () => document.removeEventListener(name, listener);
}

export function publishRecent(entries: CheckEntry[]): void {
  publish(RECENT_EVENT, entries);
}

export function onRecent(next: (entries: CheckEntry[]) => void): () => void {
  return listen(RECENT_EVENT, next);
}

/**
 * Cards for the popup: from the stored summary (first script) or counted from the journal (second script),
 * and whether the browser is running out of room for the journal.
 */
export interface LiveCards {
  cards: CardModel[];
  from: 'summary' | 'journal';
  storageLow: boolean;
}

export function publishCards(update: LiveCards): void {
  publish(CARDS_EVENT, update);
}

export function onCards(next: (update: LiveCards) => void): () => void {
  return listen(CARDS_EVENT, next);
}

export type TogglePeriod = Extract<CardAction, { type: 'toggle-period' }>;

export function requestTogglePeriod(action: TogglePeriod): void {
  publish(TOGGLE_EVENT, action);
}

export function onTogglePeriod(next: (action: TogglePeriod) => void): () => void {
  return listen(TOGGLE_EVENT, next);
}

export function addStyle(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
}
