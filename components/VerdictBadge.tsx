import type { Verdict } from '../lib/checks/report';
import { VERDICT_LABEL } from './verdict-words';

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span class={`verdict ${verdict}`} data-verdict={verdict}>{VERDICT_LABEL[verdict]}</span>;
}
