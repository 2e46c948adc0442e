/**
 * The popup's process cards kept ready in storage: computed where the journal changes (the service worker,
 * and the popup after its own recount), read by the popup's first script before anything else, so the cards
 * are on screen with the recent list. This module is what the first script needs: the key, the shape and
 * the test of whether a stored summary can be shown — no card computation (that is summary.ts). An empty
 * journal has no summary stored (the popup shows its «no checks yet» note, not cards).
 */
import type { CardModel } from './types';

/** storage.local key. */
export const DASHBOARD_SUMMARY_KEY = 'dashboardSummary';
/** Bump when CardModel or this shape changes: an older stored summary is then ignored and recomputed. */
export const DASHBOARD_SUMMARY_SCHEMA = 1;

export interface DashboardSummary {
  schema: typeof DASHBOARD_SUMMARY_SCHEMA;
  /**
   * The local day it was computed on («YYYY-MM-DD»): the cards read the date (the ССТУ.РФ period and its days
   * left, ЕГИССО's last 30 days), so a summary is shown on that day only.
   */
  day: string;
  computedAt: number;
  cards: CardModel[];
}

export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const TONES = new Set(['idle', 'ok', 'warn', 'error']);

function isCard(c: unknown): c is CardModel {
  if (!c || typeof c !== 'object') return false;
  const m = c as Record<string, unknown>;
  return (
    typeof m.id === 'string' &&
    typeof m.title === 'string' &&
    typeof m.state === 'string' &&
    typeof m.next === 'string' &&
    TONES.has(m.tone as string) &&
    Array.isArray(m.counts) &&
    Array.isArray(m.lines) &&
    m.lines.every((l) => typeof l === 'string') &&
    Array.isArray(m.actions)
  );
}

/** The stored summary when it can be shown at `now` (this schema, today), else null: the popup then counts. */
export function usableSummary(raw: unknown, now: number): DashboardSummary | null {
  if (!raw || typeof raw !== 'object') return null;
  const s = raw as Partial<DashboardSummary>;
  if (s.schema !== DASHBOARD_SUMMARY_SCHEMA || s.day !== localDay(now) || typeof s.computedAt !== 'number') return null;
  if (!Array.isArray(s.cards) || !s.cards.every(isCard)) return null;
  return s as DashboardSummary;
}

/** Same cards on the same day: nothing to write or to redraw. */
export function sameSummary(a: DashboardSummary | null, b: DashboardSummary): boolean {
  return !!a && a.day === b.day && JSON.stringify(a.cards) === JSON.stringify(b.cards);
}
