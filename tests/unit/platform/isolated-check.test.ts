import { describe, expect, it } from 'vitest';
import { checkInWorker, type WorkerLike } from '../../../platform/isolated-check';
import type { WorkerCheckReply, WorkerCheckRequest } from '../../../lib/checks/worker-protocol';
import { hashAndCheck } from '../../../lib/checks/hash-and-check';
import { sha256OfSource } from '../../../lib/formats/sha256';
import { bytesSource } from '../../../lib/formats/source';

/** A Worker that never answers, as one stuck in a parser does. */
function stuckWorker(): WorkerLike & { terminated: boolean } {
  return { terminated: false, onmessage: null, onerror: null, postMessage() {}, terminate() { this.terminated = true; } };
}

/** A Worker that runs the real check in this thread (the protocol, without a thread). */
function inlineWorker(): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate() {},
    postMessage(m: WorkerCheckRequest) {
      void m.blob.arrayBuffer().then(async (buf) => {
        const reply = (r: WorkerCheckReply) => w.onmessage?.({ data: r } as MessageEvent<WorkerCheckReply>);
        const done = await hashAndCheck(m.name, bytesSource(new Uint8Array(buf)), (fraction) => reply({ type: 'progress', fraction }));
        reply({ type: 'done', ...done });
      });
    },
  };
  return w;
}

describe('every check runs in a Worker with a watchdog', () => {
  it('a Worker that never answers is ended at the time limit and the file reads «Файл слишком сложный для проверки…»', async () => {
    const worker = stuckWorker();
    const blob = new Blob(['<a>'.repeat(10)]);
    const got = await checkInWorker('deep.xml', blob, { makeWorker: () => worker, timeLimitMs: 50 });
    expect(worker.terminated).toBe(true);
    expect(got.report.verdict).toBe('error');
    expect(got.report.findings[0].message).toMatch(/^Файл слишком сложный для проверки/);
    expect(got.sha256).toBe(await sha256OfSource(bytesSource(new Uint8Array(await blob.arrayBuffer()))));
  });

  it('a Worker that dies is reported the same way, and the next file is checked as usual', async () => {
    const dying = stuckWorker();
    const first = checkInWorker('broken.xlsx', new Blob(['PK']), { makeWorker: () => dying, timeLimitMs: 60_000 });
    dying.onerror?.({} as ErrorEvent);
    expect((await first).report.findings[0].message).toMatch(/^Файл слишком сложный/);
    const next = await checkInWorker('пустой.json', new Blob(['[]']), { makeWorker: inlineWorker });
    expect(next.report.findings[0]?.message ?? '').not.toMatch(/слишком сложный/);
  });
});

describe('hash and check in one pass', () => {
  it('the hash equals a separate SHA-256 and progress covers the whole file, only going forward', async () => {
    const bytes = new TextEncoder().encode('[' + '{"licenseNumber": "Л041-00110-77/00012345", "status": "success"},'.repeat(120_000) + '{}]');
    const seen: number[] = [];
    const { sha256, report } = await hashAndCheck('import_result_1.json', bytesSource(bytes), (f) => seen.push(f));
    expect(sha256).toBe(await sha256OfSource(bytesSource(bytes)));
    expect(report.file).toBe('import_result_1.json');
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.some((f) => f > 0 && f < 0.9)).toBe(true);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('bytes in memory: the report is heard before the hash, and the hash is the same as in one pass', async () => {
    const bytes = new TextEncoder().encode('[' + '{"licenseNumber": "Л041-00110-77/00012345", "status": "success"},'.repeat(20_000) + '{}]');
    const order: string[] = [];
    const seen: number[] = [];
    const deferred = await hashAndCheck('import_result_1.json', bytesSource(bytes), (f) => seen.push(f), {}, {
      deferHash: true,
      onReport: (r) => order.push(`report ${r.file}`),
    });
    order.push('hashed');
    expect(order).toEqual(['report import_result_1.json', 'hashed']);
    expect(deferred.sha256).toBe(await sha256OfSource(bytesSource(bytes)));
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

