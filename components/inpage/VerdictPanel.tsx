import { render } from 'preact';
import type { CheckDoneNotice } from '../../lib/capture-protocol';
import { VERDICT_LABEL } from '../verdict-words';
import { createShadowHost, INPAGE_CSS } from './shadow-host';

/** One file's line in the panel: running (no verdict), failed (no verdict, a failure text) or done. */
export interface PanelLine {
  /** The file's identity (its URL when known, else its name): a later notice about it replaces its line. */
  key: string;
  title: string;
  text: string;
  verdict?: CheckDoneNotice['verdict'];
  failed?: boolean;
  entryId?: number;
  /** 0…1 while the check runs, when the host can tell. */
  progress?: number;
}

/** How many files the panel remembers; older lines drop off the bottom. */
export const PANEL_LINES = 5;

/** Newest first, one line per file: a notice about a file already shown moves its line to the top. */
export function withLine(lines: readonly PanelLine[], line: PanelLine): PanelLine[] {
  return [line, ...lines.filter((l) => l.key !== line.key)].slice(0, PANEL_LINES);
}

const stateOf = (l: PanelLine) => l.verdict ?? (l.failed ? 'failed' : 'running');

function Panel({ lines, onOpen, onClose }: { lines: readonly PanelLine[]; onOpen: (id: number) => void; onClose: () => void }) {
  return (
    <div class="panel" role="status" aria-live="polite" data-verdict={stateOf(lines[0])}>
      <button class="close" type="button" aria-label="Закрыть" onClick={onClose}>×</button>
      <h2>Сверка</h2>
      <ul class="lines">
        {lines.map((l) => (
          <li key={l.key} class="line" data-state={stateOf(l)}>
            <p class="file">{l.title}</p>
            {l.verdict && <p class={`v-${l.verdict}`}><strong>{VERDICT_LABEL[l.verdict]}</strong></p>}
            {l.failed && <p class="v-error"><strong>Не удалось проверить</strong></p>}
            <p>{l.text}</p>
            {l.progress !== undefined && <progress max={1} value={l.progress} aria-label={`Ход проверки: ${l.title}`} />}
            {l.entryId !== undefined && (
              <div class="actions">
                <button type="button" onClick={(e) => e.isTrusted && onOpen(l.entryId!)}>Открыть отчёт</button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The small panel at the bottom right of a portal page: one line per file checked from this tab, newest first. */
export function mountVerdictPanel(onOpen: (entryId: number) => void): { show: (line: PanelLine) => void; destroy: () => void } {
  const { host, root } = createShadowHost('sverka-panel', INPAGE_CSS);
  host.setAttribute('data-sverka', 'panel');
  let lines: PanelLine[] = [];
  let attached = false;
  const close = () => {
    render(null, root);
    host.remove();
    attached = false;
    lines = [];
  };
  const show = (line: PanelLine) => {
    if (!attached) {
      document.documentElement.append(host);
      attached = true;
    }
    lines = withLine(lines, line);
    render(<Panel lines={lines} onOpen={onOpen} onClose={close} />, root);
  };
  return { show, destroy: close };
}
