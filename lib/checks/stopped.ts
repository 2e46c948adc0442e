/**
 * A check that had to be stopped from outside (a watchdog ended the worker running it): how long it may
 * run, and what the official reads then. Pure, shared by the CLI (worker_threads) and the extension (Worker).
 */
import type { CheckReport } from './report';

/** Why the check was stopped. */
export type StopReason = 'time' | 'memory' | 'crash';

const MB = 1024 * 1024;

/**
 * Wall-clock limit for checking a file of this size: a fixed floor for small files plus time per megabyte
 * (a 100 MB archive verifies in about 10 s on a slow office PC; the limit leaves several times that).
 */
export function checkTimeLimitMs(bytes: number, perMbMs = 2_000, floorMs = 15_000): number {
  return Math.round(floorMs + (Math.max(0, bytes) / MB) * perMbMs);
}

/** Memory a check may use (heap of its worker), in MB: enough for a 500 MB archive streamed in slices. */
export const CHECK_MEMORY_LIMIT_MB = 768;

/** Stable finding code of a stopped check; `details.cause` says why. */
export const STOPPED_CODE = 'too-complex';

/** Russian message: what happened and what to do. */
export function stoppedMessage(reason: StopReason): string {
  const what =
    reason === 'time'
      ? 'проверка шла дольше отведённого времени и была остановлена'
      : reason === 'memory'
        ? 'проверке не хватило отведённой памяти, и она была остановлена'
        : 'проверка этого файла прервалась';
  return (
    `Файл слишком сложный для проверки: ${what}. Обычно так бывает с повреждённым или не тем файлом. ` +
    'Скачайте файл из кабинета заново и проверьте ещё раз; если повторится — откройте его в Excel или текстовом редакторе ' +
    'и убедитесь, что это нужный отчёт. Остальные файлы проверяются как обычно.'
  );
}

/** The report of a check stopped from outside (the contract's `unreadable` finding, verdict error). */
export function stoppedReport(file: string, bytes: number, reason: StopReason): CheckReport {
  return {
    file,
    kind: 'unknown',
    verdict: 'error',
    summary: { bytes },
    findings: [{ severity: 'error', code: 'unreadable', message: stoppedMessage(reason) }],
    details: { cause: STOPPED_CODE, stopped: reason },
  };
}
