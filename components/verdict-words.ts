import type { Verdict } from '../lib/checks/report';

/** Short verdict labels for badges and lists. */
export const VERDICT_LABEL: Record<Verdict, string> = {
  ok: 'В порядке',
  warn: 'Посмотрите',
  error: 'Нужно действие',
};

/** A journal entry whose check has not finished: no verdict yet. */
export const RUNNING_LABEL = 'Проверяется…';
export { RUNNING_HEADLINE } from '../lib/checks/running';
