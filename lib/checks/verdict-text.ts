import type { Verdict } from './report';

/** One line per verdict, as the official reads it. */
export const VERDICT_TEXT: Record<Verdict, string> = {
  ok: 'всё в порядке, ничего делать не нужно',
  warn: 'есть на что посмотреть, но действий не требуется',
  error: 'нужно действие',
};
