declare global {
  interface Window {
    /** Timings for the benchmark (scripts/bench/popup.ts): ms since navigation start. */
    __sverkaPopup?: { listRendered?: number; cardsRendered?: number };
  }
}

export function markPopup(name: 'listRendered' | 'cardsRendered'): void {
  const w = window;
  w.__sverkaPopup ??= {};
  if (w.__sverkaPopup[name] !== undefined) return;
  w.__sverkaPopup[name] = performance.now();
  performance.mark(`sverka-popup-${name}`);
}
