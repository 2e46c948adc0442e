/**
 * The one question before a portal's upload button sends a file Сверка found wrong. Pure state: the page
 * side asks `onSubmit`, shows the question when told to, and reports the official's answer.
 * Never a silent block: the button is held only to ask, and the same file is never asked about twice.
 */
import type { Verdict } from '../checks/report';

/** Where the check of one chosen file stands. `off`: Сверка is switched off for the portal. */
export type FileCheckState = { state: 'checking' } | { state: 'off' } | { state: 'done'; verdict: Verdict; headline: string };

export interface ChosenFile {
  /** Stable identity of the chosen file: name, size and modification time. */
  key: string;
  name: string;
  check: FileCheckState;
}

export type SubmitDecision = { action: 'pass' } | { action: 'ask'; question: string; keys: string[] };

export const CONFIRM_UPLOAD = 'Всё равно загрузить';
export const CANCEL_UPLOAD = 'Отменить';

export function fileKey(f: { name: string; size: number; lastModified: number }): string {
  return `${f.name}\u0000${f.size}\u0000${f.lastModified}`;
}

export class UploadConfirmation {
  /** Files the official already answered about (either answer): never asked again. */
  private readonly answered = new Set<string>();
  /** Files the official chose to send anyway: the next submit passes. */
  private readonly allowed = new Set<string>();

  /** What to do when the portal's submit is pressed with these files chosen. */
  onSubmit(files: readonly ChosenFile[]): SubmitDecision {
    const bad = files.filter((f) => f.check.state === 'done' && f.check.verdict === 'error' && !this.answered.has(f.key));
    if (!bad.length) return { action: 'pass' };
    const lines = bad.map((f) => (f.check.state === 'done' ? (bad.length > 1 ? `«${f.name}»: ${f.check.headline}` : f.check.headline) : ''));
    const question = bad.length === 1 ? `В файле «${bad[0].name}» ошибка: ${lines[0]}` : `В выбранных файлах ошибки. ${lines.join(' ')}`;
    return { action: 'ask', question, keys: bad.map((f) => f.key) };
  }

  /** The official's answer: true «Всё равно загрузить», false «Отменить». Either way, not asked again. */
  answer(keys: readonly string[], sendAnyway: boolean): void {
    for (const k of keys) {
      this.answered.add(k);
      if (sendAnyway) this.allowed.add(k);
    }
  }

  wasAllowed(key: string): boolean {
    return this.allowed.has(key);
  }
}
