/**
 * Runs a check inside the portal page without freezing it. First choice: a Worker made from a Blob URL of the
 * userscript itself (the same bundle, started in worker mode). Where the page's Content Security Policy
 * refuses such a worker, the check runs in the page in slices: every read yields to the page first.
 * Either way the check is bounded in time and reports progress.
 */
import type { CheckReport } from '../lib/checks/report';
import { checkSource } from '../lib/checks/registry';
import { blobSource, type ByteSource } from '../lib/formats/source';
import { headline } from '../lib/checks/headline';
import { checkTimeLimitMs, stoppedReport } from '../lib/checks/stopped';

/**
 * A finished check: the short facts at once, the full report on demand. From a worker the report crosses as
 * transferred JSON bytes and is decoded only when the official opens it: a report with 300,000 records would
 * otherwise be copied into the page in one long task.
 */
export interface Checked {
  file: string;
  kind: CheckReport['kind'];
  verdict: CheckReport['verdict'];
  headline: string;
  report(): CheckReport;
}

function checkedFrom(report: CheckReport): Checked {
  return { file: report.file, kind: report.kind, verdict: report.verdict, headline: headline(report), report: () => report };
}

function checkedFromBytes(facts: Omit<Checked, 'report'>, bytes: ArrayBuffer): Checked {
  let report: CheckReport | null = null;
  return { ...facts, report: () => (report ??= JSON.parse(new TextDecoder().decode(bytes)) as CheckReport) };
}

/** A page is slower than the extension's worker: twice the extension's time per megabyte and floor. */
const timeLimitMs = (bytes: number) => checkTimeLimitMs(bytes, 4_000, 30_000);
/** A worker that has not said «ready» by then is taken as refused by the page. */
const WORKER_START_MS = 10_000;

export type Progress = (fraction: number) => void;

export type WorkerRequest = { type: 'check'; blob: Blob; name: string };
export type WorkerReply = { type: 'ready' } | { type: 'progress'; fraction: number } | { type: 'done'; facts: Omit<Checked, 'report'>; bytes: ArrayBuffer };

/** Says in the developer console how a check ran (in a worker or in slices in the page). */
function note(mode: 'worker' | 'slices', name: string): void {
  console.debug(`Сверка: ${name} проверен ${mode === 'worker' ? 'в фоновом потоке' : 'на странице частями'}`);
}

/** Worker side: answers check requests with progress and the report. */
export function serveChecksInWorker(scope: { postMessage(m: WorkerReply, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null }): void {
  scope.onmessage = async (e) => {
    if (e.data?.type !== 'check') return;
    const onProgress = (fraction: number) => scope.postMessage({ type: 'progress', fraction });
    const report = await checkSource(e.data.name, readingProgress(blobSource(e.data.blob), onProgress), { onProgress });
    const { report: _, ...facts } = checkedFrom(report);
    const bytes = new TextEncoder().encode(JSON.stringify(report)).buffer as ArrayBuffer;
    scope.postMessage({ type: 'done', facts, bytes }, [bytes]);
  };
  scope.postMessage({ type: 'ready' });
}

/** Reports how far reading has got (lib reports its own progress only for archives). */
function readingProgress(source: ByteSource, onProgress: Progress, yieldFirst = false): ByteSource {
  let furthest = 0;
  return {
    size: source.size,
    async read(offset, length) {
      if (yieldFirst) await new Promise((r) => setTimeout(r, 0));
      const bytes = await source.read(offset, length);
      const end = Math.min(source.size, offset + bytes.length);
      if (end > furthest && source.size > 0) {
        furthest = end;
        onProgress(Math.min(0.95, end / source.size));
      }
      return bytes;
    },
  };
}

function inWorker(workerUrl: string, blob: Blob, name: string, onProgress: Progress): Promise<Checked | 'refused'> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl);
    } catch {
      resolve('refused');
      return;
    }
    let started = false;
    const finish = (r: Checked | 'refused') => {
      clearTimeout(startTimer);
      clearTimeout(limitTimer);
      worker.terminate();
      resolve(r);
    };
    const startTimer = setTimeout(() => finish('refused'), WORKER_START_MS);
    const limitTimer = setTimeout(() => finish(checkedFrom(stoppedReport(name, blob.size, 'time'))), timeLimitMs(blob.size));
    worker.onerror = (e) => {
      e.preventDefault();
      // refused before it ran (CSP): the page-side check takes over; broke while checking: say so, do not retry
      finish(started ? checkedFrom(stoppedReport(name, blob.size, 'crash')) : 'refused');
    };
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'ready') {
        started = true;
        clearTimeout(startTimer);
        worker.postMessage({ type: 'check', blob, name } satisfies WorkerRequest);
      } else if (m.type === 'progress' && started) onProgress(m.fraction);
      else if (m.type === 'done') finish(checkedFromBytes(m.facts, m.bytes));
    };
  });
}

async function inSlices(blob: Blob, name: string, onProgress: Progress): Promise<CheckReport> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<CheckReport>((r) => (timer = setTimeout(() => r(stoppedReport(name, blob.size, 'time')), timeLimitMs(blob.size))));
  const controller = new AbortController();
  try {
    return await Promise.race([checkSource(name, readingProgress(blobSource(blob), onProgress, true), { onProgress, signal: controller.signal }), limit]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/**
 * Checks one file. `workerUrl` is a Blob URL of the userscript's own source (null when there is none, as in
 * unit tests): the check runs there, else in slices in the page.
 */
export async function runCheck(blob: Blob, name: string, onProgress: Progress, workerUrl: string | null): Promise<Checked> {
  if (workerUrl) {
    const r = await inWorker(workerUrl, blob, name, onProgress);
    if (r !== 'refused') {
      note('worker', name);
      onProgress(1);
      return r;
    }
  }
  const report = await inSlices(blob, name, onProgress);
  note('slices', name);
  onProgress(1);
  return checkedFrom(report);
}
