/** Checklist state: the user's own ticks (stored) merged with what the checked files show (computed). */
import { z } from '../zod';
import type { CheckReport } from '../checks/report';
import type { AutoState, ChecklistStep, Procedure } from './model';

export interface StepMark {
  done: boolean;
  /** ISO time of the last change. */
  at: string;
}

/** Stored under `checklistProgress`: scope key (procedure id, or id@YYYY-MM for monthly ones) → step id → mark. */
export type ChecklistProgress = Record<string, Record<string, StepMark>>;

const ProgressSchema = z.record(z.string(), z.record(z.string(), z.object({ done: z.boolean(), at: z.string() })));

/** Reads stored progress defensively: a damaged value becomes empty progress, never an exception. */
export function parseProgress(value: unknown): ChecklistProgress {
  const r = ProgressSchema.safeParse(value);
  return r.success ? r.data : {};
}

/** The reporting month whose data is due now: the previous calendar month, «YYYY-MM». */
export function reportingPeriod(now: Date): string {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/** «2026-10» → «октябрь 2026». */
export function periodTitle(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/**
 * When files about a reporting month can appear: from the first day of the month itself (lists of unbound topics
 * are available during it) to the end of the following month. [start, end) as local dates.
 */
export function periodWindow(period: string): { start: Date; end: Date } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return null;
  const y = Number(m[1]);
  const mon = Number(m[2]) - 1;
  return { start: new Date(y, mon, 1), end: new Date(y, mon + 2, 1) };
}

export function scopeKey(procedure: Procedure, period?: string): string {
  return procedure.monthly && period ? `${procedure.id}@${period}` : procedure.id;
}

export function setMark(progress: ChecklistProgress, scope: string, stepId: string, done: boolean, now: Date): ChecklistProgress {
  return { ...progress, [scope]: { ...(progress[scope] ?? {}), [stepId]: { done, at: now.toISOString() } } };
}

export function resetScope(progress: ChecklistProgress, scope: string): ChecklistProgress {
  const { [scope]: _dropped, ...rest } = progress;
  return rest;
}

export interface StepView {
  step: ChecklistStep;
  /** What the checked files show; null when nothing relevant was seen. */
  auto: AutoState | null;
  /** The user's own tick. */
  manual: boolean;
  /** Ticked by the user or by a file. */
  done: boolean;
}

export interface ChecklistView {
  procedure: Procedure;
  sections: { title: string; steps: StepView[] }[];
  /** Required (non-optional) steps done / total. */
  done: number;
  total: number;
}

export function evaluateChecklist(
  procedure: Procedure,
  reports: readonly CheckReport[],
  marks: Record<string, StepMark> = {},
): ChecklistView {
  let done = 0;
  let total = 0;
  const sections = procedure.sections.map((s) => ({
    title: s.title,
    steps: s.steps.map((step): StepView => {
      let auto: AutoState | null = null;
      try {
        auto = step.auto ? step.auto(reports) : null;
      } catch {
        auto = null; // a predicate must never break the page
      }
      const manual = marks[step.id]?.done === true;
      const isDone = manual || auto?.done === true;
      if (!step.optional) {
        total++;
        if (isDone) done++;
      }
      return { step, auto, manual, done: isDone };
    }),
  }));
  return { procedure, sections, done, total };
}
