declare global {
  interface Window {
    /** Timings for the benchmark (scripts/bench/popup.ts): ms since navigation start. */
    __sverkaPopup?: PopupTimes;
  }
}

/**
 * listRendered: the recent list is in the page; cardsRendered: the process cards are (from the stored summary
 * when there is one); cardsCounted: the cards as counted from the journal are.
 */
export interface PopupTimes {
  listRendered?: number;
  cardsRendered?: number;
  cardsCounted?: number;
}

export function markPopup(name: keyof PopupTimes): void {
  const w = window;
  w.__sverkaPopup ??= {};
  if (w.__sverkaPopup[name] !== undefined) return;
  w.__sverkaPopup[name] = performance.now();
  performance.mark(`sverka-popup-${name}`);
}
