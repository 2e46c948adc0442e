/** A labelled text input with its validation message beside it (aria-invalid + aria-describedby). */
import type { JSX } from 'preact';

type InputAttrs = JSX.IntrinsicElements['input'];

/** DOM id of a field path: «user.1.snils» → «f-user-1-snils». */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

export interface FieldProps {
  path: string;
  label: string;
  value: string;
  error?: string | null;
  hint?: string;
  type?: 'text' | 'email' | 'tel';
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  autoComplete?: string;
  wide?: boolean;
  /** id of a <datalist> with suggestions. */
  list?: string;
  onInput(value: string): void;
  onBlur?(): void;
}

export function Field(p: FieldProps) {
  const id = fieldId(p.path);
  const msgId = `${id}-msg`;
  const hintId = `${id}-hint`;
  const describedBy = [p.hint ? hintId : '', msgId].filter(Boolean).join(' ');
  return (
    <div class={`field${p.wide ? ' wide' : ''}${p.error ? ' invalid' : ''}`}>
      <label for={id}>{p.label}</label>
      <input
        {...({
          id,
          name: p.path,
          type: p.type ?? 'text',
          inputMode: p.inputMode,
          list: p.list,
          autoComplete: p.autoComplete ?? 'off',
          spellcheck: false,
          value: p.value,
          'aria-invalid': p.error ? 'true' : 'false',
          'aria-describedby': describedBy,
          onInput: (e: Event) => p.onInput((e.currentTarget as HTMLInputElement).value),
          onBlur: () => p.onBlur?.(),
        } as InputAttrs)}
      />
      {p.hint && (
        <div id={hintId} class="hint muted">
          {p.hint}
        </div>
      )}
      <div id={msgId} class="error-text field-msg" aria-live="polite">
        {p.error ?? ''}
      </div>
    </div>
  );
}
