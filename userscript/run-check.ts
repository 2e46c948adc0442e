/**
 * Runs a check inside the portal page without freezing it. First choice: a Worker made from a Blob URL of the
 * userscript itself (the same bundle, started in worker mode), kept a while for the next check. Where the page's Content Security Policy
 * refuses such a worker, the check runs in the page in slices: every read yields to the page first.
 * Either way the check is bounded in time and reports progress.
 */
import type { CheckReport } from '../lib/checks/report';
import { checkSource } from '../lib/checks/registry';
import { blobSource, bytesSource, type ByteSource } from '../lib/formats/source';
import { READ_WHOLE_BYTES } from '../lib/checks/limits';
import { headline } from '../lib/checks/headline';
import { checkTimeLimitMs, stoppedReport } from '../lib/checks/stopped';
import type { ArchiveEntryHelper } from '../lib/checks/archive-entry';
import type { WorkerEntryReply, WorkerEntryRequest } from '../lib/checks/worker-protocol';
import { serveEntry } from '../lib/checks/entry-helper';

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

/** The worker's own scope as serveChecksInWorker uses it (a helper gets entries and answers them). */
export interface WorkerSideScope {
  postMessage(m: WorkerReply | WorkerEntryReply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest | WorkerEntryRequest>) => void) | null;
}

/**
 * Worker side: answers check requests with progress and the report. `startHelper`: a second Worker of the same
 * source for big archives' entries (lib/checks/entry-helper.ts), started once the first check is done: starting
 * it compiles the whole userscript, which during the first check slowed it (25 MB archive 823–833 ms against
 * 701–753 ms without a helper). A helper answers the entries it is handed.
 */
export function serveChecksInWorker(scope: WorkerSideScope, startHelper?: () => ArchiveEntryHelper | undefined): void {
  let entryHelper: ArchiveEntryHelper | undefined;
  scope.onmessage = async (e) => {
    if (e.data?.type === 'entry') return serveEntry(scope, e.data);
    if (e.data?.type !== 'check') return;
    const onProgress = (fraction: number) => scope.postMessage({ type: 'progress', fraction });
    const { blob, name } = e.data;
    // a file that fits in memory is read at once: a Blob read is served on this thread, so reads made between
    // steps of the check would each wait for it (pieces read and posted by the page, as the extension does,
    // were no faster here: 25 MB archive 820–877 vs 787–806 ms). A file that cannot be read so is read the
    // slow way, and the check reports what it finds.
    const whole = blob.size <= READ_WHOLE_BYTES ? await blob.arrayBuffer().catch(() => null) : null;
    const source = whole ? bytesSource(new Uint8Array(whole)) : blobSource(blob);
    const report = await checkSource(name, readingProgress(source, onProgress), { onProgress, entryHelper });
    const { report: _, ...facts } = checkedFrom(report);
    const bytes = new TextEncoder().encode(JSON.stringify(report)).buffer as ArrayBuffer;
    scope.postMessage({ type: 'done', facts, bytes }, [bytes]);
    entryHelper ??= startHelper?.();
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

/**
 * A started worker. Starting one compiles the whole userscript (half a second and more on a busy office PC),
 * so a worker that finished a check is kept for the next one for a while, and one is started ahead when the
 * official is about to choose a file (warmUp).
 */
interface Started {
  worker: Worker;
  url: string;
  /** true once the worker said «ready»; false when the page refused it (CSP) or it broke. */
  ready: Promise<boolean>;
  broken: boolean;
}

/** How long a spare worker waits for the next check before it is stopped. */
const SPARE_MS = 60_000;
let spare: { started: Started; timer: ReturnType<typeof setTimeout> } | null = null;

function start(url: string): Started | null {
  let worker: Worker;
  try {
    worker = new Worker(url);
  } catch {
    return null;
  }
  const started: Started = { worker, url, ready: Promise.resolve(false), broken: false };
  started.ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), WORKER_START_MS);
    worker.onerror = (e) => {
      e.preventDefault();
      started.broken = true;
      clearTimeout(timer);
      resolve(false);
    };
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      if (e.data?.type !== 'ready') return;
      clearTimeout(timer);
      resolve(true);
    };
  });
  return started;
}

function take(url: string): Started | null {
  const kept = spare?.started;
  if (spare) clearTimeout(spare.timer);
  spare = null;
  if (kept && kept.url === url && !kept.broken) return kept;
  kept?.worker.terminate();
  return start(url);
}

/** Keeps a worker for the next check; one spare is enough. */
function keep(started: Started): void {
  if (spare || started.broken) {
    started.worker.terminate();
    return;
  }
  const timer = setTimeout(() => {
    if (spare?.started !== started) return;
    spare = null;
    started.worker.terminate();
  }, SPARE_MS);
  spare = { started, timer };
}

/** Starts a worker ahead of a check (the official clicked a file input or drags files over the page). */
export function warmUp(workerUrl: string | null): void {
  if (!workerUrl || spare) return;
  const started = start(workerUrl);
  if (started) keep(started);
}

async function inWorker(workerUrl: string, blob: Blob, name: string, onProgress: Progress): Promise<Checked | 'refused'> {
  const started = take(workerUrl);
  if (!started || !(await started.ready)) {
    // refused before it ran (CSP): the page-side check takes over
    started?.worker.terminate();
    return 'refused';
  }
  const { worker } = started;
  return new Promise((resolve) => {
    const finish = (r: Checked, reusable: boolean) => {
      clearTimeout(limitTimer);
      worker.onmessage = null;
      worker.onerror = (e) => {
        e.preventDefault();
        started.broken = true;
      };
      if (reusable) keep(started);
      else worker.terminate();
      resolve(r);
    };
    const limitTimer = setTimeout(() => finish(checkedFrom(stoppedReport(name, blob.size, 'time')), false), timeLimitMs(blob.size));
    // broke while checking: say so, do not retry
    worker.onerror = (e) => {
      e.preventDefault();
      finish(checkedFrom(stoppedReport(name, blob.size, 'crash')), false);
    };
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.fraction);
      else if (m.type === 'done') finish(checkedFromBytes(m.facts, m.bytes), true);
    };
    worker.postMessage({ type: 'check', blob, name } satisfies WorkerRequest);
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
