/**
 * Checks files in a worker_threads Worker with a wall-clock watchdog proportional to the file size and a
 * heap ceiling: a file that would freeze or exhaust the checker is stopped and reported as «Файл слишком
 * сложный для проверки…» (lib/checks/stopped.ts), and the next file gets a fresh worker.
 */
import { Worker } from 'node:worker_threads';
import type { CheckReport } from '../lib/checks/report';
import { CHECK_MEMORY_LIMIT_MB, checkTimeLimitMs, stoppedReport, type StopReason } from '../lib/checks/stopped';

export interface IsolationOptions {
  /** Wall-clock limit for a file of this size (default: checkTimeLimitMs). */
  timeLimitMs?: (bytes: number) => number;
  memoryLimitMb?: number;
  /** Node flags for the worker (default none). */
  execArgv?: string[];
}

/** Limits from the environment: SVERKA_CHECK_FLOOR_MS and SVERKA_CHECK_PER_MB_MS (tests, slow machines). */
export function timeLimitFromEnv(env: NodeJS.ProcessEnv = process.env): (bytes: number) => number {
  const floor = Number(env.SVERKA_CHECK_FLOOR_MS) || undefined;
  const perMb = Number(env.SVERKA_CHECK_PER_MB_MS) || undefined;
  return (bytes) => checkTimeLimitMs(bytes, perMb, floor);
}

const WORKER_URL = new URL(`./check-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;

/**
 * Loader flags of the main thread do not reach a worker, so a TypeScript worker registers tsx itself
 * before importing the check code.
 */
const WORKER_BOOT = WORKER_URL.endsWith('.ts')
  ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); });`
  : `import(${JSON.stringify(WORKER_URL)});`;

/** A worker that has not started the check by then is taken as broken. */
const WORKER_START_LIMIT_MS = 120_000;

type Outcome = { report: CheckReport } | { stopped: StopReason };

export class IsolatedChecker {
  private worker: Worker | null = null;
  private nextId = 1;

  constructor(private readonly opts: IsolationOptions = {}) {}

  private spawn(): Worker {
    const worker = new Worker(WORKER_BOOT, {
      eval: true,
      execArgv: this.opts.execArgv ?? [],
      resourceLimits: { maxOldGenerationSizeMb: this.opts.memoryLimitMb ?? CHECK_MEMORY_LIMIT_MB },
      stdout: !process.env.SVERKA_DEBUG,
      stderr: !process.env.SVERKA_DEBUG,
    });
    // piped but never shown: drain so nothing piles up in memory
    worker.stdout?.resume();
    worker.stderr?.resume();
    worker.unref();
    return worker;
  }

  /** Checks one file (path on disk, `bytes` its size). Never throws for the file's sake. */
  async check(path: string, bytes: number): Promise<CheckReport> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    const limit = (this.opts.timeLimitMs ?? timeLimitFromEnv())(bytes);
    const outcome = await new Promise<Outcome>((resolve) => {
      const done = (o: Outcome) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(o);
      };
      const onMessage = (m: { id: number; started?: true; report?: CheckReport }) => {
        if (m.id !== id) return;
        if (m.started) {
          // the clock runs from the moment the check starts, not while a cold worker loads its code
          clearTimeout(timer);
          timer = setTimeout(() => done({ stopped: 'time' }), limit);
        } else if (m.report) done({ report: m.report });
      };
      const onError = (err: Error & { code?: string }) => { if (process.env.SVERKA_DEBUG) process.stderr.write(`${String(err)}\n`); done({ stopped: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash' }); };
      const onExit = () => done({ stopped: 'crash' });
      let timer = setTimeout(() => done({ stopped: 'crash' }), WORKER_START_LIMIT_MS);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, path });
    });
    if ('report' in outcome) return outcome.report;
    this.worker = null;
    await worker.terminate().catch(() => undefined);
    return stoppedReport(path, bytes, outcome.stopped);
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }
}
