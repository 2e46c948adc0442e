import { describe, expect, it } from 'vitest';
import { checkInWorker, feedOrder, giveBackBuffers, pooledReadBuffers, readPiece, type WorkerLike } from '../../../platform/isolated-check';
import type { WorkerCheckReply, WorkerInbound } from '../../../lib/checks/worker-protocol';
import { serveCheck, type CheckWorkerScope } from '../../../platform/check-worker-body';
import { hashAndCheck } from '../../../lib/checks/hash-and-check';
import { sha256OfSource } from '../../../lib/formats/sha256';
import { bytesSource } from '../../../lib/formats/source';

/** A Worker that never answers, as one stuck in a parser does. */
function stuckWorker(): WorkerLike & { terminated: boolean } {
  return { terminated: false, onmessage: null, onerror: null, postMessage() {}, terminate() { this.terminated = true; } };
}

/** A Worker that runs the real Worker code (platform/check-worker-body.ts) in this thread, messages delivered later as between threads. */
function inlineWorker(): WorkerLike & { received: string[] } {
  const scope: CheckWorkerScope = { onmessage: null, postMessage: (r: WorkerCheckReply) => setTimeout(() => w.onmessage?.({ data: r } as MessageEvent<WorkerCheckReply>), 0) };
  serveCheck(scope);
  const w: WorkerLike & { received: string[] } = {
    received: [],
    onmessage: null,
    onerror: null,
    terminate() {},
    postMessage(m: WorkerInbound) {
      w.received.push(m.type === 'check' ? `check${m.arriving ? ' arriving' : ''}` : m.type);
      setTimeout(() => scope.onmessage?.({ data: m } as MessageEvent<WorkerInbound>), 0);
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

  it('a file that fits in memory is read by the sender while the Worker checks: same hash and report as a check of the bytes', async () => {
    const text = '[' + '{"licenseNumber": "Л041-00110-77/00012345", "status": "success"},'.repeat(40_000) + '{}]';
    const worker = inlineWorker();
    const got = await checkInWorker('import_result_1.json', new Blob([text]), { makeWorker: () => worker });
    const direct = await hashAndCheck('import_result_1.json', bytesSource(new TextEncoder().encode(text)));
    expect(got.sha256).toBe(direct.sha256);
    expect(got.report).toEqual(direct.report);
    expect(worker.received[0]).toBe('check arriving');
    expect(worker.received.filter((t) => t === 'bytes').length).toBe(feedOrder(text.length).length);
  });
});

describe('the pieces come back to be read into again', () => {
  it('after a check its piece buffers are pooled, the next file is read into them, and no byte of the last file shows through', async () => {
    const row = '{"licenseNumber": "Л041-00110-77/00012345", "status": "success"},';
    const big = '[' + row.repeat(130_000) + '{}]'; // ≈ 9 MB: head, tail and two 4 MiB pieces
    const small = '[' + '{"licenseNumber": "Л041-00110-77/00054321", "status": "error"},'.repeat(50_000) + '{}]';
    const worker = inlineWorker();
    const before = pooledReadBuffers();
    await checkInWorker('import_result_1.json', new Blob([big]), { makeWorker: () => worker, release: () => undefined });
    // the check read into the pooled buffers it found, and gave back one per piece
    expect(pooledReadBuffers()).toBe(Math.max(before, feedOrder(new Blob([big]).size).length));
    const pooled = pooledReadBuffers();
    const got = await checkInWorker('import_result_2.json', new Blob([small]), { makeWorker: () => worker, release: () => undefined });
    const direct = await hashAndCheck('import_result_2.json', bytesSource(new TextEncoder().encode(small)));
    expect(got.sha256).toBe(direct.sha256);
    expect(got.report).toEqual(direct.report);
    expect(pooledReadBuffers()).toBe(pooled);
  });

  it('a piece is read into a pooled buffer (the buffer passes to the read), whole and exact', async () => {
    const buf = new ArrayBuffer(4 * 1024 * 1024);
    new Uint8Array(buf).fill(0xee);
    giveBackBuffers([buf]);
    const bytes = new Uint8Array(3000).map((_, i) => i & 0xff);
    const { bytes: got, length } = await readPiece(new Blob([bytes]));
    expect(buf.byteLength).toBe(0); // detached: its memory now holds the piece
    expect(length).toBe(3000);
    expect([...new Uint8Array(got, 0, length)]).toEqual([...bytes]);
  });
});

describe('the order pieces are read in', () => {
  it('head, tail, then the rest in order: every byte once', () => {
    const MiB = 1024 * 1024;
    for (const size of [0, 10, MiB, MiB + 1, 2 * MiB, 2 * MiB + 5, 25 * MiB + 123]) {
      const pieces = feedOrder(size);
      expect(pieces[0][0]).toBe(0);
      if (size > MiB) expect(pieces[1][1]).toBe(size);
      const covered = [...pieces].sort((a, b) => a[0] - b[0]);
      let at = 0;
      for (const [s, e] of covered) {
        expect(s).toBe(at);
        expect(e).toBeGreaterThanOrEqual(s);
        at = e;
      }
      expect(at).toBe(size);
    }
  });
});

describe('a Worker serves the next file only when its check ended normally', () => {
  it('released after a normal check, ended after a stop', async () => {
    const released: WorkerLike[] = [];
    const worker = inlineWorker();
    let terminated = 0;
    worker.terminate = () => void terminated++;
    await checkInWorker('пустой.json', new Blob(['[]']), { makeWorker: () => worker, release: (w) => released.push(w) });
    expect(released).toEqual([worker]);
    expect(terminated).toBe(0);
    // the same Worker checks the next file as well
    const next = await checkInWorker('import_result_1.json', new Blob(['[{"licenseNumber": "Л041-00110-77/00012345", "status": "success"}]']), { makeWorker: () => worker, release: (w) => released.push(w) });
    expect(next.report.file).toBe('import_result_1.json');
    expect(released).toHaveLength(2);

    const stuck = stuckWorker();
    await checkInWorker('deep.xml', new Blob(['<a>']), { makeWorker: () => stuck, timeLimitMs: 30, release: (w) => released.push(w) });
    expect(stuck.terminated).toBe(true);
    expect(released).toHaveLength(2);
  });
});

