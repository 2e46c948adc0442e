/**
 * The popup's process cards and its newest recent-check lines kept ready in storage: computed where the
 * journal changes (the service worker, and the popup after its own recount), read by the popup's first
 * script before anything else, so the list is on screen without opening the journal and the cards follow at
 * once. This module is what the first script needs: the key, the shape and the tests of what a stored
 * summary may show — no card computation or wording (summary.ts, recent-line.ts). An empty journal has no
 * summary stored (the popup shows its «no checks yet» note); a purge clears storage, retention and deletions
 * recount it.
 */
import type { CardModel } from './types';
import type { RecentLine } from './recent-line';

/** How many recent checks the popup lists, and the stored summary keeps. */
export const RECENT_CHECKS = 15;

/** storage.local key. */
export const DASHBOARD_SUMMARY_KEY = 'dashboardSummary';
/** Bump when CardModel or this shape changes: an older stored summary is then ignored and recomputed. */
export const DASHBOARD_SUMMARY_SCHEMA = 2;

export interface DashboardSummary {
  schema: typeof DASHBOARD_SUMMARY_SCHEMA;
  /**
   * The local day it was computed on («YYYY-MM-DD»): the cards read the date (the ССТУ.РФ period and its days
   * left, ЕГИССО's last 30 days), so a summary is shown on that day only.
   */
  day: string;
  computedAt: number;
  cards: CardModel[];
  /**
   * The newest checks as the popup lists them (RECENT_CHECKS at most, newest first). Shown on any day — their
   * words do not read the date — and always replaced in the same opening by what the journal holds.
   */
  recent: RecentLine[];
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

const LINE_VERDICTS = new Set(['ok', 'warn', 'error', 'running']);

function isLine(l: unknown): l is RecentLine {
  if (!l || typeof l !== 'object') return false;
  const m = l as Record<string, unknown>;
  return (
    typeof m.id === 'number' &&
    LINE_VERDICTS.has(m.verdict as string) &&
    typeof m.fileName === 'string' &&
    typeof m.meta === 'string' &&
    typeof m.headline === 'string' &&
    typeof m.next === 'string'
  );
}

function ofThisSchema(raw: unknown): Partial<DashboardSummary> | null {
  if (!raw || typeof raw !== 'object') return null;
  const s = raw as Partial<DashboardSummary>;
  return s.schema === DASHBOARD_SUMMARY_SCHEMA && typeof s.computedAt === 'number' ? s : null;
}

/** The stored summary when it can be shown at `now` (this schema, today), else null: the popup then counts. */
export function usableSummary(raw: unknown, now: number): DashboardSummary | null {
  const s = ofThisSchema(raw);
  if (!s || s.day !== localDay(now)) return null;
  if (!Array.isArray(s.cards) || !s.cards.every(isCard) || !Array.isArray(s.recent) || !s.recent.every(isLine)) return null;
  return s as DashboardSummary;
}

/** The stored recent-check lines (any day), or null when there are none to show: the popup reads the journal. */
export function storedRecent(raw: unknown): RecentLine[] | null {
  const s = ofThisSchema(raw);
  if (!s || !Array.isArray(s.recent) || s.recent.length === 0 || !s.recent.every(isLine)) return null;
  return s.recent;
}

/** Same cards and lines on the same day: nothing to write or to redraw. */
export function sameSummary(a: DashboardSummary | null, b: DashboardSummary): boolean {
  return !!a && a.day === b.day && JSON.stringify(a.cards) === JSON.stringify(b.cards) && JSON.stringify(a.recent) === JSON.stringify(b.recent);
}
