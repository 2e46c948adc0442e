/** A ready letter's text with «Скопировать текст» and «Открыть в почте»: the same for every support service. */
import { useState } from 'preact/hooks';
import { copyText } from './save-file';

export function LetterActions({ body, mailto }: { body: string; mailto: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [area, setArea] = useState<HTMLTextAreaElement | null>(null);
  return (
    <>
      <textarea ref={setArea} readOnly rows={Math.min(16, body.split('\n').length + 1)} style="width: 100%" data-testid="letter-body" value={body} aria-label="Текст письма" />
      <div class="row">
        <button type="button" class="primary" onClick={async () => setCopied((await copyText(body, area)) ? 'yes' : 'no')}>
          Скопировать текст
        </button>
        <a class="button" href={mailto} data-testid="letter-mailto">
          Открыть в почте
        </a>
        {copied === 'yes' && <span role="status">Текст скопирован.</span>}
        {copied === 'no' && <span role="status" class="error-text">Не удалось скопировать: выделите текст и нажмите Ctrl+C.</span>}
      </div>
    </>
  );
}
