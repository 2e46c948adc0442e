import { render } from 'preact';
import type { CheckDoneNotice } from '../../lib/capture-protocol';
import { VERDICT_LABEL } from '../verdict-words';
import { createShadowHost, INPAGE_CSS } from './shadow-host';

interface PanelState {
  title: string;
  text: string;
  verdict?: CheckDoneNotice['verdict'];
  entryId?: number;
  /** 0…1 while the check runs, when the host can tell. */
  progress?: number;
}

function Panel({ state, onOpen, onClose }: { state: PanelState; onOpen: (id: number) => void; onClose: () => void }) {
  return (
    <div class="panel" role="status" aria-live="polite" data-verdict={state.verdict ?? 'running'}>
      <button class="close" type="button" aria-label="Закрыть" onClick={onClose}>×</button>
      <h2>Сверка: {state.title}</h2>
      {state.verdict && <p class={`v-${state.verdict}`}><strong>{VERDICT_LABEL[state.verdict]}</strong></p>}
      <p>{state.text}</p>
      {state.progress !== undefined && <progress max={1} value={state.progress} aria-label="Ход проверки" />}
      {state.entryId !== undefined && (
        <div class="actions">
          <button type="button" onClick={(e) => e.isTrusted && onOpen(state.entryId!)}>Открыть отчёт</button>
        </div>
      )}
    </div>
  );
}

/** The small panel at the bottom right of a portal page that says what the last check found. */
export function mountVerdictPanel(onOpen: (entryId: number) => void): { show: (s: PanelState) => void; destroy: () => void } {
  const { host, root } = createShadowHost('sverka-panel', INPAGE_CSS);
  host.setAttribute('data-sverka', 'panel');
  let attached = false;
  const close = () => {
    render(null, root);
    host.remove();
    attached = false;
  };
  const show = (s: PanelState) => {
    if (!attached) {
      document.documentElement.append(host);
      attached = true;
    }
    render(<Panel state={s} onOpen={onOpen} onClose={close} />, root);
  };
  return { show, destroy: close };
}

