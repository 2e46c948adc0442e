/**
 * Worker thread of the CLI: checks the files it is sent, one at a time, and posts each report back.
 * The main thread watches the clock and memory and ends this worker when a check runs away (isolated.ts).
 */
import { parentPort } from 'node:worker_threads';
import { fileSource } from './file-source';
import { checkSource } from '../lib/checks/registry';

export interface CheckRequest {
  id: number;
  path: string;
}

// Libraries (SheetJS) print their own diagnostics; the official's terminal stays quiet unless asked.
if (!process.env.SVERKA_DEBUG) {
  for (const m of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[m] = () => undefined;
}

parentPort?.on('message', async ({ id, path }: CheckRequest) => {
  parentPort?.postMessage({ id, started: true });
  const opened = await fileSource(path);
  try {
    parentPort?.postMessage({ id, report: await checkSource(path, opened.source) });
  } finally {
    await opened.close();
  }
});
