/**
 * The one path from bytes to the journal, used by the report page (drop zone), the Firefox background page
 * and the offscreen document (Chromium): mark running, hash + check in a dedicated Worker (watchdog), record.
 * The official always gets the report; when the journal cannot store it (quota), `saveError` says so.
 * Progress: reading and checking take 0…0.95 of the bar, saving the rest.
 */
import type { CheckReport } from '../lib/checks/report';
import { headline } from '../lib/checks/headline';
import { markRunning, provisionalKey, recordCheck } from '../lib/journal/store';
import { beat, HEARTBEAT_EVERY_MS } from '../lib/journal/heartbeat';
import { JournalQuotaError } from '../lib/journal/errors';
import type { Sighting } from '../lib/journal/schema';
import type { EarlyReport } from '../lib/checks/hash-and-check';
import { checkInWorker, extensionWorker, prewarmWorker, refusedTooLarge, releaseWorker, type WorkerLike } from './isolated-check';
import { journal } from './journal';

export interface Recorded {
  /** null when the journal could not store the check. */
  entryId: number | null;
  report: CheckReport;
  isNew: boolean;
  saveError?: string;
}

/** What the service worker hears back about a check run elsewhere (the report itself stays in the journal). */
export interface RecordedBrief {
  entryId: number | null;
  verdict: CheckReport['verdict'];
  headline: string;
  saveError?: string;
}

export const CHECK_SHARE = 0.95;

/** A file to check: its bytes, or only its size when it is refused unread (over the size limit). */
export type CheckInput = Blob | { size: number };

export async function checkAndRecord(
  file: CheckInput,
  sighting: Sighting,
  onProgress?: (fraction: number) => void,
  makeWorker: () => WorkerLike = extensionWorker,
  /** Hears the report as soon as it exists (and again with its hash), before the journal has it (the verdict at a file input waits for nothing else). */
  onChecked?: (checked: EarlyReport) => void,
  /** The running entry's key; a resumed check passes the one its cut-off run stored. */
  key = provisionalKey(),
): Promise<Recorded> {
  // while this context checks, the running entry says it is alive (lib/journal/heartbeat.ts)
  const heartbeat = setInterval(() => void beat(journal, key).catch(() => undefined), HEARTBEAT_EVERY_MS);
  try {
    return await checkAndRecordOnce(file, sighting, onProgress, makeWorker, onChecked, key);
  } finally {
    clearInterval(heartbeat);
  }
}

async function checkAndRecordOnce(
  file: CheckInput,
  sighting: Sighting,
  onProgress: ((fraction: number) => void) | undefined,
  makeWorker: () => WorkerLike,
  onChecked: ((checked: EarlyReport) => void) | undefined,
  key: string,
): Promise<Recorded> {
  let saveError: string | undefined;
  // the check starts at once; the journal's «running» mark is written meanwhile
  const checking =
    file instanceof Blob
      ? checkInWorker(sighting.fileName, file, {
          makeWorker,
          onProgress: (f) => onProgress?.(f * CHECK_SHARE),
          onReport: (report) => onChecked?.({ report }),
          ...(makeWorker === extensionWorker ? { release: releaseWorker } : {}),
        })
      : refusedTooLarge(sighting.fileName, file.size);
  if (onChecked) void checking.then(onChecked).catch(() => undefined);
  const marked = markRunning(journal, { sha256: key, size: file.size, sighting }).catch((err: unknown) => {
    if (!(err instanceof JournalQuotaError)) throw err;
    saveError = err.message;
  });
  const [{ sha256, report }] = await Promise.all([checking, marked]);
  if (makeWorker === extensionWorker) setTimeout(prewarmWorker, 0);
  if (saveError) return { entryId: null, report, isNew: false, saveError };
  try {
    const { id, isNew } = await recordCheck(journal, report, { sha256, size: file.size, sighting }, key);
    onProgress?.(1);
    return { entryId: id, report, isNew };
  } catch (err) {
    if (err instanceof JournalQuotaError) return { entryId: null, report, isNew: false, saveError: err.message };
    throw err;
  }
}

export function briefOf(r: Recorded): RecordedBrief {
  return { entryId: r.entryId, verdict: r.report.verdict, headline: headline(r.report), ...(r.saveError ? { saveError: r.saveError } : {}) };
}

/** The full record of a check run elsewhere, read back from the journal (upload notices need the report). */
export async function recordedOf(brief: RecordedBrief, fileName: string): Promise<Recorded> {
  const entry = brief.entryId !== null ? await journal.checks.get(brief.entryId) : undefined;
  const report: CheckReport = entry?.report ?? {
    file: fileName,
    kind: 'unknown',
    verdict: brief.verdict,
    summary: {},
    findings: [{ severity: brief.verdict === 'ok' ? 'info' : brief.verdict, code: 'unreadable', message: brief.headline }],
  };
  return { entryId: brief.entryId, report, isNew: false, ...(brief.saveError ? { saveError: brief.saveError } : {}) };
}
