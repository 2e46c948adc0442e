/** A ready letter's text with «Скопировать текст» and «Открыть в почте»: the same for every support service. */
import { useState } from 'preact/hooks';
import { copyText } from './save-file';

/** «[ФИО, телефон, e-mail]»: what the letter still waits for from the official. */
export function unfilledPlaceholders(body: string): string[] {
  return [...new Set(body.match(/\[[^\]\n]{2,80}\]/g) ?? [])];
}

export function LetterActions({ body, mailto }: { body: string; mailto: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [area, setArea] = useState<HTMLTextAreaElement | null>(null);
  const unfilled = unfilledPlaceholders(body);
  return (
    <>
      <textarea ref={setArea} readOnly rows={Math.min(16, body.split('\n').length + 1)} style="width: 100%" data-testid="letter-body" value={body} aria-label="Текст письма" />
      {unfilled.length > 0 && (
        <p class="card warn-text letter-unfilled" role="alert" id="letter-unfilled" data-testid="letter-unfilled">
          В письме не заполнено: {unfilled.join(', ')}. Укажите контактное лицо в настройках Сверки — письмо заполнится само — или
          допишите это в почте перед отправкой.
        </p>
      )}
      <div class="row">
        <button type="button" class="primary" aria-describedby={unfilled.length ? 'letter-unfilled' : undefined}
          onClick={async () => setCopied((await copyText(body, area)) ? 'yes' : 'no')}>
          Скопировать текст
        </button>
        <a class="button" href={mailto} data-testid="letter-mailto" aria-describedby={unfilled.length ? 'letter-unfilled' : undefined}>
          Открыть в почте
        </a>
        {copied === 'yes' && <span role="status">{unfilled.length ? 'Текст скопирован — не забудьте дописать контактное лицо.' : 'Текст скопирован.'}</span>}
        {copied === 'no' && <span role="status" class="error-text">Не удалось скопировать: выделите текст и нажмите Ctrl+C.</span>}
      </div>
    </>
  );
}
