import { describe, expect, it } from 'vitest';
import { checkSource } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import { readZipDirectory } from '../../../lib/formats/zip';
import { checkPackedEntry, cutEntry, helperTakes, type ArchiveEntryHelper, type EntryOutcome } from '../../../lib/checks/archive-entry';
import type { CheckReport } from '../../../lib/checks/report';
import type { ArchiveDetails } from '../../../lib/checks/sstu-archive';
import { zip } from '../../../scripts/fixtures/write';
import { rng } from '../../../scripts/fixtures/bytes';
import { serveCheck, type CheckWorkerScope } from '../../../platform/check-worker-body';
import { isGecko } from '../../../lib/gecko';
import { helperFor, ENTRY_HELPER_NAME, workerEntryHelper, type HelperWorkerLike } from '../../../lib/checks/entry-helper';
import type { WorkerEntryReply, WorkerInbound } from '../../../lib/checks/worker-protocol';

/** Status records with noise in them, so that an entry stays over 64 KB packed (a helper's size). */
function noisyStatuses(records: number, from: number, rand: () => number): string {
  const hex = '0123456789abcdef';
  const items: string[] = [];
  for (let i = 0; i < records; i++) {
    let noise = '';
    for (let k = 0; k < 120; k++) noise += hex[Math.floor(rand() * 16)];
    items.push(`<Status id="${from + i}"><AppealNumber>${20000000 + from + i}</AppealNumber><Data>${noise}</Data></Status>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Statuses>\n${items.join('\n')}\n</Statuses>\n`;
}

/** Six big entries (the helper's), a small one and a stored one (this thread's). */
function archive(): Uint8Array {
  const rand = rng(11);
  const files: Record<string, string> = {};
  for (let n = 1; n <= 6; n++) files[`statuses_${n}.xml`] = noisyStatuses(1500 + n * 10, n * 10_000, rand);
  files['statuses_7.xml'] = noisyStatuses(3, 70_000, rand);
  return zip(files);
}

/** The same archive with one byte of entry `index`'s packed data (or its header) changed. */
async function spoiled(bytes: Uint8Array, index: number, where: 'data' | 'header'): Promise<Uint8Array> {
  const copy = bytes.slice();
  const e = (await readZipDirectory(bytesSource(copy))).entries[index];
  const at = where === 'header' ? e.localHeaderOffset : e.localHeaderOffset + 30 + e.name.length + Math.floor(e.compressedSize / 2);
  copy[at] ^= 0xff;
  return copy;
}

/** An in-thread helper that answers out of order (a random delay each), counting what it was given. */
function inThreadHelper(rand = rng(5)): ArchiveEntryHelper & { given: string[] } {
  const given: string[] = [];
  return {
    given,
    ready: Promise.resolve(),
    async check(packed, count) {
      given.push(packed.entry.name);
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 15)));
      return checkPackedEntry(packed, count);
    },
  };
}

const the = (r: CheckReport) => ({ kind: r.kind, verdict: r.verdict, summary: r.summary, findings: r.findings, details: r.details });

describe('an archive checked on two threads reads the same as on one', () => {
  it('an intact archive: the helper takes big deflated entries only, the report is the same (records counted)', async () => {
    const bytes = archive();
    const alone = await checkSource('Файл_1.zip', bytesSource(bytes));
    const helper = inThreadHelper();
    const helped = await checkSource('Файл_1.zip', bytesSource(bytes), { entryHelper: helper });
    expect(alone.verdict).toBe('ok');
    expect((alone.details as unknown as ArchiveDetails).statusRecords).toBe(6 * 1500 + 210 + 3);
    expect(the(helped)).toEqual(the(alone));
    expect(helper.given.length).toBeGreaterThan(0);
    expect(helper.given).not.toContain('statuses_7.xml');
    const entries = (await readZipDirectory(bytesSource(bytes))).entries;
    expect(entries.filter(helperTakes).map((e) => e.name)).toEqual(expect.arrayContaining(helper.given));
  });

  it('a damaged entry, whichever thread checks it: the same error, the entry named, no records counted', async () => {
    const bytes = archive();
    for (const index of [0, 1, 2, 3]) {
      const bad = await spoiled(bytes, index, 'data');
      const alone = await checkSource('Файл_1.zip', bytesSource(bad));
      const helped = await checkSource('Файл_1.zip', bytesSource(bad), { entryHelper: inThreadHelper(rng(index + 1)) });
      expect(alone.verdict).toBe('error');
      expect(alone.findings.find((f) => f.code === 'entry-damaged')?.where).toBe(`statuses_${index + 1}.xml`);
      expect((alone.details as unknown as ArchiveDetails).statusRecords).toBeNull();
      expect(the(helped)).toEqual(the(alone));
    }
  });

  it('an entry whose local header is broken is not cut out for the helper: checked here, «заголовок повреждён»', async () => {
    const bad = await spoiled(archive(), 1, 'header');
    const entry = (await readZipDirectory(bytesSource(bad))).entries[1];
    expect(await cutEntry(bytesSource(bad), entry)).toBeNull();
    const helper = inThreadHelper();
    const helped = await checkSource('Файл_1.zip', bytesSource(bad), { entryHelper: helper });
    expect(helper.given).not.toContain('statuses_2.xml');
    expect(helped.findings.find((f) => f.where === 'statuses_2.xml')?.message).toMatch(/заголовок в архиве повреждён/);
    expect(the(helped)).toEqual(the(await checkSource('Файл_1.zip', bytesSource(bad))));
  });

  it('progress counts an entry the helper holds only once it is done: the bar never runs ahead of the check', async () => {
    const bytes = archive();
    const entries = (await readZipDirectory(bytesSource(bytes))).entries;
    const total = entries.reduce((sum, e) => sum + e.compressedSize, 0);
    const fractions: number[] = [];
    let held = 0;
    let finish: () => void = () => undefined;
    const holding: ArchiveEntryHelper = {
      ready: Promise.resolve(),
      async check(packed, count) {
        held = packed.entry.compressedSize;
        await new Promise<void>((r) => (finish = r));
        return checkPackedEntry(packed, count);
      },
    };
    const checking = checkSource('Файл_1.zip', bytesSource(bytes), { entryHelper: holding, onProgress: (f) => fractions.push(f) });
    // the rest of the archive is checked here while the helper holds its one entry
    await expect.poll(() => fractions.length > 0 && held > 0 && fractions.at(-1)! >= (total - held - 1) / total).toBe(true);
    expect(Math.max(...fractions)).toBeLessThanOrEqual((total - held) / total);
    finish();
    const report = await checking;
    expect(report.verdict).toBe('ok');
    expect(fractions.at(-1)).toBe(1);
  });

  it('a helper that fails: its entry and the rest are checked here, the report is still whole', async () => {
    const bytes = archive();
    let asked = 0;
    const failing: ArchiveEntryHelper = {
      ready: Promise.resolve(),
      check: async () => {
        asked++;
        throw new Error('the helper crashed');
      },
    };
    const helped = await checkSource('Файл_1.zip', bytesSource(bytes), { entryHelper: failing });
    expect(asked).toBe(1);
    expect(the(helped)).toEqual(the(await checkSource('Файл_1.zip', bytesSource(bytes))));
  });

  it('a helper that never says it is ready is given nothing: every entry is checked here', async () => {
    const bytes = archive();
    const helper = { ...inThreadHelper(), ready: new Promise<never>(() => undefined) };
    const helped = await checkSource('Файл_1.zip', bytesSource(bytes), { entryHelper: helper });
    expect(helper.given).toEqual([]);
    expect(the(helped)).toEqual(the(await checkSource('Файл_1.zip', bytesSource(bytes))));
  });

  it('a stopped check stops both threads: the helper is given nothing more, no verdict «архив цел»', async () => {
    const stop = new AbortController();
    let given = 0;
    const helper: ArchiveEntryHelper = {
      ready: Promise.resolve(),
      check: async (packed, count) => {
        given++;
        stop.abort();
        return checkPackedEntry(packed, count);
      },
    };
    const r = await checkSource('Файл_1.zip', bytesSource(archive()), { entryHelper: helper, signal: stop.signal });
    expect(given).toBe(1);
    expect(r.findings.map((f) => f.code)).not.toContain('archive-ok');
  });
});

/** The helper Worker as the check Worker starts it: the real Worker code, messages delivered later as between threads. */
function helperWorker(): HelperWorkerLike & { fail(message: string): void } {
  const scope: CheckWorkerScope = {
    onmessage: null,
    postMessage: (r) => setTimeout(() => w.onmessage?.({ data: r as WorkerEntryReply } as MessageEvent<WorkerEntryReply>), 0),
  };
  serveCheck(scope);
  // as entrypoints/check-worker.ts does in a helper
  scope.postMessage({ type: 'ready' });
  const w: HelperWorkerLike & { fail(message: string): void } = {
    onmessage: null,
    onerror: null,
    postMessage(m, transfer) {
      // a transferred buffer is the receiver's alone: the sender's view of it is emptied
      const moved = structuredClone(m, { transfer });
      setTimeout(() => scope.onmessage?.({ data: moved as WorkerInbound } as MessageEvent<WorkerInbound>), 0);
    },
    fail(message) {
      w.onerror?.({ message, preventDefault() {} } as ErrorEvent);
    },
  };
  return w;
}

describe('the entry helper Worker (platform/entry-helper.ts)', () => {
  it('checks a packed entry as this thread would, and the report through it is the same', async () => {
    const bytes = archive();
    const source = bytesSource(bytes);
    const entry = (await readZipDirectory(source)).entries[2];
    const packed = await cutEntry(source, entry);
    const expected: EntryOutcome = await checkPackedEntry({ bytes: packed!.bytes.slice(), entry: packed!.entry }, true);
    const helper = workerEntryHelper(helperWorker());
    expect(await helper.check(packed!, true)).toEqual(expected);
    expect(packed!.bytes.byteLength).toBe(0);
    const through = await checkSource('Файл_1.zip', bytesSource(bytes), { entryHelper: workerEntryHelper(helperWorker()) });
    expect(the(through)).toEqual(the(await checkSource('Файл_1.zip', bytesSource(bytes))));
  });

  it('once the Worker fails, the entry it had and every later one are refused (and lib checks them itself)', async () => {
    const source = bytesSource(archive());
    const entries = (await readZipDirectory(source)).entries;
    const worker = helperWorker();
    const helper = workerEntryHelper(worker);
    const pending = helper.check((await cutEntry(source, entries[0]))!, true);
    worker.fail('out of memory');
    await expect(pending).rejects.toThrow(/out of memory/);
    await expect(helper.check((await cutEntry(source, entries[1]))!, true)).rejects.toThrow(/out of memory/);
  });

  it('a helper starts no helper of its own, and a Worker that cannot be started means none (entries checked here)', () => {
    let started = 0;
    const start = () => (started++, helperWorker());
    const chromium = { gecko: false };
    expect(helperFor(ENTRY_HELPER_NAME, start, chromium)).toBeUndefined();
    expect(started).toBe(0);
    expect(helperFor('', start, chromium)).toBeDefined();
    expect(started).toBe(1);
    expect(helperFor('', () => { throw new DOMException('refused by the page', 'SecurityError'); }, chromium)).toBeUndefined();
  });

  it('Firefox starts no helper at all: a Worker started inside a Worker can block the check there', () => {
    let started = 0;
    expect(helperFor('', () => (started++, helperWorker()), { gecko: true })).toBeUndefined();
    expect(started).toBe(0);
    expect(isGecko('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0')).toBe(true);
    expect(isGecko('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36')).toBe(false);
    expect(isGecko('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 YaBrowser/25.8.0.0 Safari/537.36')).toBe(false);
  });
});
