import type { Verdict } from '../lib/checks/report';
import { RUNNING_LABEL, VERDICT_LABEL } from './verdict-words';

/** A journal entry still being checked has no verdict yet: it says so instead of a placeholder verdict. */
export function VerdictBadge({ verdict, running = false }: { verdict: Verdict; running?: boolean }) {
  if (running) return <span class="verdict running" data-verdict="running">{RUNNING_LABEL}</span>;
  return <span class={`verdict ${verdict}`} data-verdict={verdict}>{VERDICT_LABEL[verdict]}</span>;
}
