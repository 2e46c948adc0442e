/** «Проверяется: 45 % из 99,87 МБ» — what a tab hears while a big file is checked (throttled). */
import { progressText } from '../lib/progress-text';

/** Below this a check is over before a bar would be read. */
export const SHOW_PROGRESS_FROM_BYTES = 1024 * 1024;

export interface CheckProgressNotice {
  type: 'check-progress';
  fileName: string;
  fraction: number;
  size: number;
  text: string;
}

/** Calls `send` at most every `everyMs` (and always for the end), only for files worth a bar. */
export function progressReporter(fileName: string, size: number, send: (n: CheckProgressNotice) => void, everyMs = 250): (fraction: number) => void {
  let last = 0;
  return (fraction) => {
    if (size < SHOW_PROGRESS_FROM_BYTES) return;
    const now = Date.now();
    if (now - last < everyMs && fraction < 1) return;
    last = now;
    send({ type: 'check-progress', fileName, fraction, size, text: progressText(fraction, size) });
  };
}
