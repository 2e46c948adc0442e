/**
 * Beside a portal's file input: the verdict for each chosen file, and the one question before an upload
 * Сверка found wrong. Shadow roots, text only (file names and headlines are never HTML).
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Verdict } from '../../lib/checks/report';
import { CANCEL_UPLOAD, CONFIRM_UPLOAD } from '../../lib/upload/confirm';
import { UPLOAD_CHECKING } from '../../lib/upload/verdict';
import { createShadowHost, INPAGE_CSS } from './shadow-host';

export interface UploadFileView {
  key: string;
  name: string;
  /** undefined while the check runs. */
  verdict?: Verdict;
  headline?: string;
  notes?: string[];
  entryId?: number | null;
}

const UPLOAD_CSS = `${INPAGE_CSS}
.upload { display: block; margin: 4px 0; max-width: 640px; font-size: 13px; line-height: 1.4; color: #1a1a1a; }
.upload li { list-style: none; margin: 2px 0; padding: 4px 8px; border-radius: 6px; border: 1px solid #cfd8dc; background: #f5f7f8; }
.upload ul { margin: 0; padding: 0; }
.upload li[data-verdict="ok"] { background: #e8f5e9; border-color: #a5d6a7; color: #1b5e20; }
.upload li[data-verdict="warn"] { background: #fff8e1; border-color: #ffe082; color: #5d4300; }
.upload li[data-verdict="error"] { background: #ffebee; border-color: #ef9a9a; color: #8e1414; }
.upload .name { font-weight: 600; }
.upload .note { display: block; margin-top: 2px; }
.upload .open { margin-left: 6px; padding: 0; border: none; background: none; color: #0d47a1; text-decoration: underline; cursor: pointer; font-size: 13px; }
.backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0,0,0,.35); display: flex; align-items: center; justify-content: center; }
.ask { background: #fff; color: #1a1a1a; border-radius: 8px; padding: 16px 18px; width: 440px; max-width: calc(100vw - 32px); box-shadow: 0 6px 28px rgba(0,0,0,.3); font-size: 14px; }
.ask h2 { font-size: 15px; margin: 0 0 8px; }
.ask p { margin: 0 0 12px; }
.ask .actions { display: flex; gap: 8px; justify-content: flex-end; }
.ask button { font-size: 14px; padding: 6px 12px; border-radius: 4px; border: 1px solid #90a4ae; background: #f5f7f8; cursor: pointer; }
.ask button.send { border-color: #b71c1c; color: #b71c1c; }
`;

function FileLine({ f, onOpen }: { f: UploadFileView; onOpen: (id: number) => void }) {
  const id = f.entryId;
  return (
    <li data-verdict={f.verdict ?? 'running'} data-file={f.name}>
      <span class="name">{f.name}: </span>
      <span class="headline">{f.verdict ? f.headline : UPLOAD_CHECKING}</span>
      {typeof id === 'number' && f.verdict !== 'ok' && (
        <button type="button" class="open" onClick={() => onOpen(id)}>Открыть полный отчёт</button>
      )}
      {f.notes?.map((n) => <span class="note">{n}</span>)}
      {typeof id === 'number' && f.verdict === 'ok' && (
        <button type="button" class="open" onClick={() => onOpen(id)}>Отчёт</button>
      )}
    </li>
  );
}

/** The verdict list after an input (or a drop area). Returns update/remove. */
export function mountUploadVerdict(anchor: Element, onOpen: (id: number) => void): { update: (files: UploadFileView[]) => void; remove: () => void } {
  const { host, root } = createShadowHost('sverka-upload', UPLOAD_CSS);
  host.setAttribute('data-sverka', 'upload');
  const update = (files: UploadFileView[]) => {
    if (!host.isConnected) anchor.after(host);
    render(
      <div class="upload" role="status" aria-live="polite" aria-label="Сверка: проверка выбранного файла">
        <ul>{files.map((f) => <FileLine key={f.key} f={f} onOpen={onOpen} />)}</ul>
      </div>,
      root,
    );
  };
  const remove = () => {
    render(null, root);
    host.remove();
  };
  return { update, remove };
}

function Ask({ question, onAnswer }: { question: string; onAnswer: (send: boolean) => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div class="backdrop" onKeyDown={(e) => e.key === 'Escape' && onAnswer(false)}>
      <div class="ask" role="alertdialog" aria-modal="true" aria-labelledby="sverka-ask-title" aria-describedby="sverka-ask-text">
        <h2 id="sverka-ask-title">Сверка: загрузить файл с ошибкой?</h2>
        <p id="sverka-ask-text">{question}</p>
        <div class="actions">
          <button type="button" ref={cancel} onClick={() => onAnswer(false)}>{CANCEL_UPLOAD}</button>
          <button type="button" class="send" onClick={() => onAnswer(true)}>{CONFIRM_UPLOAD}</button>
        </div>
      </div>
    </div>
  );
}

/** The one question before sending a file with an error: resolves true for «Всё равно загрузить». */
export function askBeforeUpload(question: string): Promise<boolean> {
  const { host, root } = createShadowHost('sverka-confirm', UPLOAD_CSS);
  host.setAttribute('data-sverka', 'confirm');
  document.documentElement.append(host);
  return new Promise((resolve) => {
    const done = (send: boolean) => {
      render(null, root);
      host.remove();
      resolve(send);
    };
    render(<Ask question={question} onAnswer={done} />, root);
  });
}
