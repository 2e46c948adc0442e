import type { LinkVerdict } from '../../lib/capture-protocol';
import { RUNNING_LABEL, VERDICT_LABEL } from '../verdict-words';

/** Beside a checked file link (only the official's own clicks count: `isTrusted`, never a page's script): its verdict; beside an unchecked one: «Проверить». */
export function LinkBadge({ verdict, pending, onCheck, onOpen }: {
  verdict: LinkVerdict | null;
  pending: boolean;
  onCheck: () => void;
  onOpen: (id: number) => void;
}) {
  if (verdict) {
    return (
      <button type="button" class={`badge ${verdict.verdict}`} title={verdict.headline} data-verdict={verdict.verdict}
        aria-label={`Сверка: ${VERDICT_LABEL[verdict.verdict]}. ${verdict.headline}. Открыть отчёт`} onClick={(e) => e.isTrusted && onOpen(verdict.entryId)}>
        {VERDICT_LABEL[verdict.verdict]}
      </button>
    );
  }
  return (
    <button type="button" class="check" disabled={pending} onClick={(e) => e.isTrusted && onCheck()} aria-label="Сверка: проверить этот файл">
      {pending ? RUNNING_LABEL : 'Проверить'}
    </button>
  );
}
