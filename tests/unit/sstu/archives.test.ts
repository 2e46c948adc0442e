import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource, applyTogether } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import { fileSource } from '../../../cli/file-source';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';
import { BIG_ARCHIVE_BYTES, statusXml } from '../../../scripts/fixtures/sstu';
import type { CheckReport } from '../../../lib/checks/report';
import { archiveNumber, SSTU_ARCHIVE_LIMIT_BYTES, type ArchiveDetails } from '../../../lib/checks/sstu-archive';
import { verifyEntry, WHOLE_ENTRY_BYTES } from '../../../lib/checks/archive-entry';
import { readZipDirectory, streamEntry } from '../../../lib/formats/zip';
import { zip } from '../../../scripts/fixtures/write';
import { missingNumbers } from '../../../lib/checks/sstu-together';
import { jsonRecordCounter, xmlRecordCounter } from '../../../lib/sstu/records';
import { crc32 } from '../../../lib/formats/crc32';

const fx = (n: string) => join(FIXTURES_DIR, 'sstu', n);

async function check(name: string): Promise<CheckReport> {
  return checkSource(fx(name), bytesSource(new Uint8Array(readFileSync(fx(name)))));
}

const details = (r: CheckReport) => r.details as unknown as ArchiveDetails;

describe('sstu-archive', () => {
  it('an intact Файл_N.zip: entries CRC-checked, status records counted', async () => {
    const r = await check('archives/Файл_2.zip');
    expect(r.kind).toBe('sstu-archive');
    expect(r.verdict).toBe('ok');
    expect(r.summary).toEqual({ entries: 1, bytes: statSync(fx('archives/Файл_2.zip')).size, damaged: 0, overSizeLimit: false });
    expect(details(r).number).toBe(2);
    expect(details(r).statusRecords).toBe(3);
  });

  it('a damaged entry (bytes flipped): damaged 1, verdict error, the entry named', async () => {
    const r = await check('damaged/Файл_2.zip');
    expect(r.kind).toBe('sstu-archive');
    expect(r.summary).toMatchObject({ entries: 2, damaged: 1, overSizeLimit: false });
    expect(r.verdict).toBe('error');
    const f = r.findings.find((x) => x.code === 'entry-damaged');
    expect(f?.where).toBe('statuses_2.xml');
    expect(details(r).damagedEntries[0].problem).toMatch(/^(crc|inflate|size|truncated)$/);
  });

  it('an archive cut short (no central directory) is unreadable but keeps its kind', async () => {
    const r = await check('damaged/Файл_4.zip');
    expect([r.kind, r.verdict, r.findings[0].code]).toEqual(['sstu-archive', 'error', 'unreadable']);
  });

  it('a password-protected archive: error, not counted as damaged', async () => {
    const r = await check('encrypted/Файл_1.zip');
    expect(r.verdict).toBe('error');
    expect(r.summary.damaged).toBe(0);
    expect(details(r).encrypted).toBe(1);
    expect(r.findings.map((f) => f.code)).toContain('archive-encrypted');
  });

  it('an archive over 100 MB: overSizeLimit, verdict error; streamed (memory well below its size)', async () => {
    const path = fx('big/Файл_1.zip');
    expect(statSync(path).size).toBeGreaterThan(SSTU_ARCHIVE_LIMIT_BYTES);
    const { source, close } = await fileSource(path);
    global.gc?.();
    const before = process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed;
    let peak = before;
    const progress: number[] = [];
    try {
      const r = await checkSource(path, source, {
        onProgress: (p) => {
          progress.push(p);
          const m = process.memoryUsage();
          peak = Math.max(peak, m.arrayBuffers + m.heapUsed);
        },
      });
      expect(r.kind).toBe('sstu-archive');
      expect(r.summary).toEqual({ entries: 1, bytes: statSync(path).size, damaged: 0, overSizeLimit: true });
      expect(r.verdict).toBe('error');
      expect(details(r).unpackedBytes).toBe(BIG_ARCHIVE_BYTES);
    } finally {
      await close();
    }
    expect(progress.at(-1)).toBe(1);
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('a zip not named Файл_N but of XML entries is still checked, with a note on the name', async () => {
    const r = await check('other-archive.zip');
    expect(r.kind).toBe('sstu-archive');
    expect(r.verdict).toBe('ok');
    expect(r.findings.map((f) => f.code)).toContain('archive-name');
  });

  it('archiveNumber reads ПОС names (and a browser\'s «(1)» suffix), nothing else', () => {
    expect(archiveNumber('/x/Файл_12.zip')).toBe(12);
    expect(archiveNumber('Файл_3 (1).zip')).toBe(3);
    expect(archiveNumber('файл 2.ZIP')).toBe(2);
    expect(archiveNumber('Файл_.zip')).toBeNull();
    expect(archiveNumber('report.zip')).toBeNull();
  });
});

describe('verifyEntry: whole-entry inflate for small entries, the streaming check for the rest', () => {
  it('says the same as streamEntry for intact and damaged entries', async () => {
    for (const name of ['damaged/Файл_2.zip', 'archives/Файл_1.zip', 'encrypted/Файл_1.zip']) {
      const src = bytesSource(new Uint8Array(readFileSync(fx(name))));
      const dir = await readZipDirectory(src);
      for (const e of dir.entries) {
        const a = await verifyEntry(src, e);
        const b = await streamEntry(src, e);
        expect([a.ok, a.problem], `${name} ${e.name}`).toEqual([b.ok, b.problem]);
      }
    }
  });

  it('an entry over the whole-entry limit is streamed and its data handed over in slices', async () => {
    // incompressible, so that the packed data is read in several slices too
    let x = 2463534242;
    const big = new Uint8Array(WHOLE_ENTRY_BYTES + 1024).map(() => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 0xff;
    });
    const src = bytesSource(zip({ 'big.bin': big }));
    const [entry] = (await readZipDirectory(src)).entries;
    const slices: number[] = [];
    const res = await verifyEntry(src, entry, (c) => slices.push(c.length));
    expect(res.ok).toBe(true);
    expect(slices.length).toBeGreaterThan(1);
    expect(slices.reduce((s, n) => s + n, 0)).toBe(big.length);
  });
});

describe('archives checked together', () => {
  it('Файл_1 + Файл_3: the gap (Файл_2) is reported on both, verdicts stay those of the contract', async () => {
    const reports = applyTogether([await check('gap/Файл_1.zip'), await check('gap/Файл_3.zip')]);
    for (const r of reports) {
      const gap = r.findings.find((f) => f.code === 'archive-numbering-gap');
      expect(gap?.message).toContain('Файл_2.zip');
      expect(gap?.severity).toBe('info');
      expect(r.verdict).toBe('ok');
    }
  });

  it('Файл_1 + Файл_2: no gap; their 5 records match the 5 statuses the status report requires', async () => {
    const reports = applyTogether([await check('archives/Файл_1.zip'), await check('archives/Файл_2.zip'), await check('status-ok.xlsx')]);
    expect(reports.flatMap((r) => r.findings.map((f) => f.code))).not.toContain('archive-numbering-gap');
    expect(reports[0].findings.map((f) => f.code)).toContain('status-records-match');
  });

  it('records that do not match the status report are said so', async () => {
    const reports = applyTogether([await check('archives/Файл_1.zip'), await check('status-ok.xlsx')]);
    const f = reports[0].findings.find((x) => x.code === 'status-records-mismatch');
    expect(f?.message).toContain('2 записи');
    expect(f?.message).toContain('нужно передать 5');
  });

  it('missingNumbers', () => {
    expect(missingNumbers([1, 3])).toEqual([2]);
    expect(missingNumbers([2, 4])).toEqual([1, 3]);
    expect(missingNumbers([1, 2, 3])).toEqual([]);
  });
});

describe('status record counters', () => {
  it('XML: children of the root, whatever the chunk boundaries (comments, CDATA, quoted > skipped)', () => {
    const bytes = new TextEncoder().encode(statusXml(7));
    for (const size of [...Array.from({ length: 80 }, (_, i) => i + 1), 127, 500, bytes.length]) {
      const c = xmlRecordCounter();
      // one buffer, overwritten after each push, as a caller that reuses its output buffer does
      const scratch = new Uint8Array(size);
      for (let i = 0; i < bytes.length; i += size) {
        const part = bytes.subarray(i, i + size);
        scratch.set(part);
        c.push(scratch.subarray(0, part.length));
        scratch.fill(0x3c);
      }
      expect(c.finish(), `chunk ${size}`).toBe(7);
    }
  });

  it('XML that is not well-formed is not counted', () => {
    const c = xmlRecordCounter();
    c.push(new TextEncoder().encode('<a><b></b>'));
    expect(c.finish()).toBeNull();
  });

  it('JSON: a root array, or the longest array under the root', () => {
    const a = jsonRecordCounter();
    a.push(new TextEncoder().encode('[1,2,3]'));
    expect(a.finish()).toBe(3);
    const b = jsonRecordCounter();
    b.push(new TextEncoder().encode('{"period":"2023-11","statuses":[{},{}],"x":[1]}'));
    expect(b.finish()).toBe(2);
    const c = jsonRecordCounter(4);
    c.push(new TextEncoder().encode('[1,2,3]'));
    expect(c.finish()).toBeNull();
  });
});

describe('crc32 (slicing-by-16, changed for the archive speed target)', () => {
  function bitwise(d: Uint8Array): number {
    let c = 0xffffffff;
    for (const b of d) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = c & 1 ? (0xedb88320 ^ (c >>> 1)) >>> 0 : c >>> 1;
    }
    return ~c >>> 0;
  }
  it('matches the bitwise definition at every length and offset, and continues across pieces', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    let x = 7;
    const buf = new Uint8Array(5003).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 24));
    for (const len of [0, 1, 7, 15, 16, 17, 31, 32, 33, 1000, 5000]) {
      for (const off of [0, 1, 3]) {
        const d = buf.subarray(off, off + len);
        expect(crc32(d)).toBe(bitwise(d));
        const h = Math.floor(d.length / 3);
        expect(crc32(d.subarray(h), crc32(d.subarray(0, h)))).toBe(bitwise(d));
      }
    }
  });
});
