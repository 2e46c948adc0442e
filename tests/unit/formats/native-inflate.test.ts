import { afterEach, describe, expect, it } from 'vitest';
import { deflateSync, zipSync } from 'fflate';
import { hasNativeInflate, inflateNative, NATIVE_FROM_BYTES, setNativeInflate } from '../../../lib/formats/native-inflate';
import { readZipDirectory, streamsNatively, verifyZip, type EntryCheck } from '../../../lib/formats/zip';
import { bytesSource } from '../../../lib/formats/source';
import { verifyEntry } from '../../../lib/checks/archive-entry';

/** Text-like bytes that deflate about 3:1, so 1 MB of them is well over NATIVE_FROM_BYTES packed. */
function textLike(bytes: number, seed = 7): Uint8Array {
  const words = ['Обращение', 'рассмотрено', 'status', '2026-11-30', 'Л003-00119-76/001000', '<Status>', '</Status>', 'ССТУ'];
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  let n = 0;
  let s = seed;
  while (n < bytes) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const w = enc.encode(`${words[s % words.length]}${s % 977} `);
    parts.push(w);
    n += w.length;
  }
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const p of parts) {
    out.set(p.subarray(0, Math.min(p.length, bytes - at)), at);
    at += p.length;
    if (at >= bytes) break;
  }
  return out;
}

/** Central-directory record of the first entry (the archives here have one entry). */
function centralRecord(zip: Uint8Array): number {
  for (let i = zip.length - 22; i >= 0; i--) if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01 && zip[i + 3] === 0x02) return i;
  throw new Error('no central directory');
}

function setU32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

async function verifyBoth(zip: Uint8Array): Promise<{ native: EntryCheck[]; fflate: EntryCheck[] }> {
  const src = bytesSource(zip);
  const dir = await readZipDirectory(src);
  const native = await verifyZip(src, dir);
  setNativeInflate(false);
  const fflate = await verifyZip(src, dir);
  setNativeInflate(true);
  return { native, fflate };
}

afterEach(() => setNativeInflate(true));

describe('native inflate (DecompressionStream deflate-raw)', () => {
  it('is there in this Node, and big entries take it', async () => {
    expect(hasNativeInflate()).toBe(true);
    const zip = zipSync({ 'statuses_1.xml': [textLike(1024 * 1024), { level: 6 }] });
    const [entry] = (await readZipDirectory(bytesSource(zip))).entries;
    expect(entry.compressedSize).toBeGreaterThanOrEqual(NATIVE_FROM_BYTES);
    expect(streamsNatively(entry)).toBe(true);
    setNativeInflate(false);
    expect(streamsNatively(entry)).toBe(false);
  });

  it('gives the same bytes and the same verdict as fflate on a good archive', async () => {
    const data = textLike(3 * 1024 * 1024 + 17);
    const zip = zipSync({ 'a.xml': [data, { level: 6 }], 'b.xml': [data.subarray(0, 200_000), { level: 1 }] });
    const { native, fflate } = await verifyBoth(zip);
    expect(native.map((r) => r.ok)).toEqual([true, true]);
    expect(fflate.map((r) => r.ok)).toEqual([true, true]);
    const src = bytesSource(zip);
    const [a] = (await readZipDirectory(src)).entries;
    const got: Uint8Array[] = [];
    const res = await verifyEntry(src, a, (chunk) => got.push(chunk.slice()));
    expect(res.ok).toBe(true);
    expect(Buffer.concat(got).equals(Buffer.from(data))).toBe(true);
  });

  it('a damaged entry is damaged either way, named', async () => {
    const zip = zipSync({ 'statuses_2.xml': [textLike(1024 * 1024, 11), { level: 6 }] });
    for (let i = 40_000; i < 40_064; i++) zip[i] ^= 0x5a;
    const { native, fflate } = await verifyBoth(zip);
    for (const [r] of [native, fflate]) {
      expect(r.ok).toBe(false);
      expect(['inflate', 'crc', 'size', 'truncated']).toContain(r.problem);
      expect(r.message).toContain('statuses_2.xml');
    }
  });

  it('an entry longer than its header says is stopped at the declared size, never inflated whole', async () => {
    const zip = zipSync({ 'big.xml': [textLike(2 * 1024 * 1024, 3), { level: 6 }] });
    const cd = centralRecord(zip);
    setU32(zip, cd + 24, 300_000); // declared unpacked size in the directory
    setU32(zip, 22, 300_000); // and in the local header
    const src = bytesSource(zip);
    const [entry] = (await readZipDirectory(src)).entries;
    let given = 0;
    const [r] = await verifyZip(src, { entries: [entry], totalBytes: entry.size, comment: '' });
    expect(r.problem).toBe('size');
    const res = await verifyEntry(src, entry, (c) => (given += c.length));
    expect(res.problem).toBe('size');
    expect(given).toBeLessThanOrEqual(300_000);
  });

  it('a bomb stops after the first output chunk: the rest is neither read nor inflated', async () => {
    const packed = deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    let read = 0;
    let taken = 0;
    const outcome = await inflateNative(
      packed.length,
      async (off, len) => {
        read += len;
        return packed.subarray(off, off + len);
      },
      4096,
      (chunk) => {
        taken += chunk.length;
        return false;
      },
    );
    expect(outcome).toBe('stopped');
    expect(taken).toBeLessThanOrEqual(1024 * 1024);
    expect(read).toBeLessThan(packed.length);
  });

  it('cut short or not deflate at all: damaged, not a crash', async () => {
    const packed = deflateSync(textLike(500_000), { level: 6 });
    const cut = packed.subarray(0, packed.length >> 1);
    const read = (bytes: Uint8Array) => async (off: number, len: number) => bytes.subarray(off, off + len);
    expect(await inflateNative(cut.length, read(cut), 65536, () => true)).toBe('damaged');
    const junk = new Uint8Array(100_000).fill(0xff);
    expect(await inflateNative(junk.length, read(junk), 65536, () => true)).toBe('damaged');
    expect(await inflateNative(packed.length, read(packed), 65536, () => true)).toBe('done');
  });

  it('with the directory\'s CRC and size, zlib checks them: a wrong CRC or a short entry is named as such', async () => {
    const data = textLike(1024 * 1024, 5);
    const packed = deflateSync(data, { level: 6 });
    const read = async (off: number, len: number) => packed.subarray(off, off + len);
    const { crc32 } = await import('../../../lib/formats/crc32');
    expect(await inflateNative(packed.length, read, 65536, () => true, { crc32: crc32(data), size: data.length })).toBe('done');
    expect(await inflateNative(packed.length, read, 65536, () => true, { crc32: crc32(data) ^ 1, size: data.length })).toBe('damaged');
    expect(await inflateNative(packed.length, read, 65536, () => true, { crc32: crc32(data), size: data.length + 1 })).toBe('damaged');

    const wrongCrc = zipSync({ 'statuses_3.xml': [data, { level: 6 }] });
    const cd = centralRecord(wrongCrc);
    const was = new DataView(wrongCrc.buffer).getUint32(cd + 16, true);
    setU32(wrongCrc, cd + 16, was ^ 0xff);
    setU32(wrongCrc, 14, was ^ 0xff);
    const [crcResult] = (await verifyBoth(wrongCrc)).native;
    expect(crcResult.problem).toBe('crc');
    expect(crcResult.message).toContain('контрольная сумма');

    const longer = zipSync({ 'statuses_4.xml': [data, { level: 6 }] });
    const cd2 = centralRecord(longer);
    setU32(longer, cd2 + 24, data.length + 1000);
    setU32(longer, 22, data.length + 1000);
    const { native, fflate } = await verifyBoth(longer);
    expect(native[0].problem).toBe('truncated');
    expect(fflate[0].problem).toBe('truncated');
  });
});
