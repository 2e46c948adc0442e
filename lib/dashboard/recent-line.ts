/**
 * One line of the popup's «Последние проверки», as the official reads it: every field already worded, so the
 * popup's first script paints it without the formatting code, and the same words come out whether the line
 * was formatted by the worker (kept in the stored summary, lib/dashboard/stored-summary.ts) or by the popup
 * from the journal. The one place for what a recent-check line says.
 */
import type { Verdict } from '../checks/report';
import type { CheckEntry } from '../journal/schema';
import { headline } from '../checks/headline';
import { nextAction } from '../checks/next-action';
import { asShown } from '../journal/heartbeat';
import { PORTALS } from '../portals';
import { formatDateTime } from '../dates';
import { countWord } from '../plural';
import { RUNNING_HEADLINE, RUNNING_NEXT } from '../checks/running';

export interface RecentLine {
  /** The journal entry: «Открыть отчёт» opens its report. */
  id: number;
  fileName: string;
  /** The verdict, or `running` while the check has not finished. */
  verdict: Verdict | 'running';
  /** «ГИС ТОР КНД · 23.11.2026 12:09 · видели 2 раза» */
  meta: string;
  headline: string;
  next: string;
}

const portalName = (id: string | null) => PORTALS.find((p) => p.id === id)?.name ?? 'файл с компьютера';

/** The line for a journal entry at `now` (a running check whose runner stopped reads as interrupted). */
export function recentLine(entry: CheckEntry, now: number): RecentLine {
  const e = asShown(entry, now);
  const running = e.status === 'running';
  const seen = e.sightings.length > 1 ? ` · видели ${countWord(e.sightings.length, 'раз', 'раза', 'раз')}` : '';
  return {
    id: e.id ?? 0,
    fileName: e.fileName,
    verdict: running ? 'running' : e.verdict,
    meta: `${portalName(e.portal)} · ${formatDateTime(e.lastSeenAt)}${seen}`,
    headline: running ? RUNNING_HEADLINE : headline(e.report),
    next: running ? RUNNING_NEXT : nextAction(e.report),
  };
}
