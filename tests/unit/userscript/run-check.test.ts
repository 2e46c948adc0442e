import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCheck, warmUp, type WorkerReply, type WorkerRequest, type WorkerSideScope } from '../../../userscript/run-check';
import type { CheckReport } from '../../../lib/checks/report';

describe('userscript checks without a worker (the page refused one)', () => {
  it('runs the check in slices that yield to the page, with progress up to the end', async () => {
    const json = JSON.stringify([{ licenseNumber: 'Л041-00110-77/00012345', status: 'success' }]);
    const progress: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const report = (await runCheck(new Blob([json]), 'import_result_1.json', (f) => progress.push(f), null)).report();
    clearInterval(timer);
    expect(report.file).toBe('import_result_1.json');
    expect(report.kind).toBe('tor-knd-registry-export');
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
    expect(ticks).toBeGreaterThan(0);
  });

  it('an unreadable file is a report, not an exception', async () => {
    const report = (await runCheck(new Blob([new Uint8Array([0, 1, 2, 255])]), 'мусор.json', () => undefined, null)).report();
    expect(report.verdict).toBe('error');
    expect(report.findings[0].code).toBe('unreadable');
  });
});

describe('userscript checks in a worker, kept for the next check', () => {
  /** Stands in for the Worker started from the userscript's Blob URL: says «ready», answers each check. */
  class FakeWorker {
    static started: FakeWorker[] = [];
    onmessage: ((e: { data: WorkerReply }) => void) | null = null;
    onerror: ((e: { preventDefault(): void }) => void) | null = null;
    terminated = false;
    checks = 0;
    constructor(readonly url: string) {
      FakeWorker.started.push(this);
      setTimeout(() => this.onmessage?.({ data: { type: 'ready' } }), 1);
    }
    postMessage(m: WorkerRequest): void {
      this.checks++;
      if (m.name === 'crash.json') {
        setTimeout(() => this.onerror?.({ preventDefault: () => undefined }), 1);
        return;
      }
      const report: CheckReport = { file: m.name, kind: 'unknown', verdict: 'warn', summary: {}, findings: [] };
      const bytes = new TextEncoder().encode(JSON.stringify(report)).buffer as ArrayBuffer;
      setTimeout(() => this.onmessage?.({ data: { type: 'done', facts: { file: m.name, kind: 'unknown', verdict: 'warn', headline: 'итог' }, bytes } }), 1);
    }
    terminate(): void {
      this.terminated = true;
    }
  }
  const g = globalThis as unknown as { Worker?: unknown };
  const original = g.Worker;
  beforeEach(() => {
    FakeWorker.started = [];
    g.Worker = FakeWorker;
  });
  afterEach(() => {
    g.Worker = original;
  });

  it('a second check reuses the worker of the first; one started ahead (warmUp) serves the next check', async () => {
    const url = 'blob:https://tor.knd.gov.ru/a';
    expect((await runCheck(new Blob(['1']), 'a.json', () => undefined, url)).report().file).toBe('a.json');
    expect((await runCheck(new Blob(['2']), 'b.json', () => undefined, url)).verdict).toBe('warn');
    expect(FakeWorker.started).toHaveLength(1);
    expect(FakeWorker.started[0].checks).toBe(2);
    expect(FakeWorker.started[0].terminated).toBe(false);
    warmUp(url);
    expect(FakeWorker.started).toHaveLength(1);
  });

  it('a worker that broke during a check is stopped, the file gets a report, and the next check starts a fresh one', async () => {
    const url = 'blob:https://tor.knd.gov.ru/b';
    const crashed = await runCheck(new Blob(['x']), 'crash.json', () => undefined, url);
    expect(crashed.verdict).toBe('error');
    const broken = FakeWorker.started.at(-1)!;
    expect(broken.terminated).toBe(true);
    await runCheck(new Blob(['y']), 'c.json', () => undefined, url);
    expect(FakeWorker.started.at(-1)).not.toBe(broken);
    expect(FakeWorker.started.at(-1)!.checks).toBe(1);
  });
});

describe('the userscript worker side', () => {
  it('reads a file that fits in memory once, whole (a Blob read waits for this thread, so none between steps)', async () => {
    const { serveChecksInWorker } = await import('../../../userscript/run-check');
    let slices = 0;
    let wholeReads = 0;
    class CountingBlob extends Blob {
      override slice(...args: Parameters<Blob['slice']>): Blob {
        slices++;
        return super.slice(...args);
      }
      override arrayBuffer(): Promise<ArrayBuffer> {
        wholeReads++;
        return super.arrayBuffer();
      }
    }
    const json = JSON.stringify([{ licenseNumber: 'Л041-00110-77/00012345', status: 'success' }]);
    const replies: WorkerReply[] = [];
    const scope: WorkerSideScope = { onmessage: null, postMessage: (m) => void replies.push(m as WorkerReply) };
    serveChecksInWorker(scope);
    scope.onmessage!({ data: { type: 'check', blob: new CountingBlob([json]), name: 'import_result_1.json' } } as MessageEvent<WorkerRequest>);
    await expect.poll(() => replies.some((r) => r.type === 'done')).toBe(true);
    const done = replies.find((r) => r.type === 'done') as Extract<WorkerReply, { type: 'done' }>;
    expect(done.facts.kind).toBe('tor-knd-registry-export');
    expect(replies[0].type).toBe('ready');
    expect([wholeReads, slices]).toEqual([1, 0]);
  });
});

describe('the userscript worker side, a file that cannot be read', () => {
  it('still answers with a report (the page is not left waiting for its time limit)', async () => {
    const { serveChecksInWorker } = await import('../../../userscript/run-check');
    class GoneBlob extends Blob {
      override slice(): Blob {
        return new GoneBlob(['{}']);
      }
      override arrayBuffer(): Promise<ArrayBuffer> {
        return Promise.reject(new DOMException('A requested file or directory could not be found', 'NotFoundError'));
      }
      override stream(): ReturnType<Blob['stream']> {
        throw new DOMException('A requested file or directory could not be found', 'NotFoundError');
      }
    }
    const replies: WorkerReply[] = [];
    const scope: WorkerSideScope = { onmessage: null, postMessage: (m) => void replies.push(m as WorkerReply) };
    serveChecksInWorker(scope);
    scope.onmessage!({ data: { type: 'check', blob: new GoneBlob(['{"a":1}']), name: 'import_result_1.json' } } as MessageEvent<WorkerRequest>);
    await expect.poll(() => replies.some((r) => r.type === 'done')).toBe(true);
    const done = replies.find((r) => r.type === 'done') as Extract<WorkerReply, { type: 'done' }>;
    expect(done.facts.verdict).toBe('error');
  });
});
