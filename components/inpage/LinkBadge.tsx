import type { LinkVerdict } from '../../lib/capture-protocol';
import { RUNNING_LABEL, VERDICT_LABEL } from '../verdict-words';

/** A file link without a verdict: never asked, being checked, or the last attempt failed (retry). */
export type LinkState = 'idle' | 'pending' | 'failed';

export const RETRY_LABEL = 'Не удалось — повторить';

/** Visible text and accessible name of the «Проверить» button: the name always contains what is seen. */
export const CHECK_BUTTON: Record<LinkState, { text: string; name: string }> = {
  idle: { text: 'Проверить', name: 'Сверка: проверить этот файл' },
  pending: { text: RUNNING_LABEL, name: 'Сверка: проверяется этот файл' },
  failed: { text: RETRY_LABEL, name: `Сверка: не удалось — повторить проверку этого файла` },
};

/**
 * Beside a checked file link: its verdict; beside an unchecked one: «Проверить» (or its running / failed state).
 * Only the official's own clicks count (`isTrusted`), never a page's script.
 */
export function LinkBadge({ verdict, state, onCheck, onOpen }: {
  verdict: LinkVerdict | null;
  state: LinkState;
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
  const words = CHECK_BUTTON[state];
  return (
    <button type="button" class={`check${state === 'failed' ? ' failed' : ''}`} data-state={state} disabled={state === 'pending'}
      onClick={(e) => e.isTrusted && onCheck()} aria-label={words.name}>
      {words.text}
    </button>
  );
}
