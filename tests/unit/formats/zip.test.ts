import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { readZipDirectory, verifyZip, readEntry, isUnsafeEntryName } from '../../../lib/formats/zip';
import { FormatError } from '../../../lib/formats/errors';
import { bytesSource, type ByteSource } from '../../../lib/formats/source';
import { crc32 } from '../../../lib/formats/crc32';
import { fixture } from '../fixture-path';

async function fails(name: string): Promise<FormatError> {
  try {
    await readZipDirectory(bytesSource(fixture('formats', name)));
  } catch (e) {
    return e as FormatError;
  }
  throw new Error(`${name} was read`);
}

/** Counts how many bytes are asked for at once: streaming means never the whole archive. */
function spySource(bytes: Uint8Array): ByteSource & { maxRead: number } {
  const s = {
    size: bytes.length,
    maxRead: 0,
    async read(offset: number, length: number) {
      s.maxRead = Math.max(s.maxRead, length);
      return bytes.subarray(offset, offset + length);
    },
  };
  return s;
}

describe('crc32', () => {
  it('matches the standard check value and continues across chunks', () => {
    const data = new TextEncoder().encode('123456789');
    expect(crc32(data)).toBe(0xcbf43926);
    expect(crc32(data.subarray(5), crc32(data.subarray(0, 5)))).toBe(0xcbf43926);
  });
});

describe('zip reading', () => {
  it('lists entries and verifies every CRC of a good archive (deflated and stored)', async () => {
    for (const name of ['good.zip', 'stored.zip']) {
      const src = bytesSource(fixture('formats', name));
      const dir = await readZipDirectory(src);
      const results = await verifyZip(src, dir);
      expect(results.every((r) => r.ok)).toBe(true);
      const reference = unzipSync(fixture('formats', name));
      for (const e of dir.entries) expect(await readEntry(src, e)).toEqual(reference[e.name]);
    }
  });

  it('flags names with ../ and absolute paths', async () => {
    const dir = await readZipDirectory(bytesSource(fixture('formats', 'traversal.zip')));
    const unsafe = dir.entries.filter((e) => e.unsafeName).map((e) => e.name).sort();
    expect(unsafe).toEqual(['../../etc/evil.json', '/abs.json']);
    expect(isUnsafeEntryName('C:\\Windows\\x.json')).toBe(true);
    expect(isUnsafeEntryName('папка/файл.json')).toBe(false);
  });

  it('says an encrypted entry is password-protected', async () => {
    const src = bytesSource(fixture('formats', 'encrypted.zip'));
    const [r] = await verifyZip(src, await readZipDirectory(src));
    expect(r.ok).toBe(false);
    expect(r.problem).toBe('encrypted');
    expect(r.message).toContain('паролем');
  });

  it('finds a damaged entry (inflate or CRC failure) and names it', async () => {
    const src = bytesSource(fixture('formats', 'damaged.zip'));
    const [r] = await verifyZip(src, await readZipDirectory(src));
    expect(r.ok).toBe(false);
    expect(['inflate', 'crc', 'size', 'truncated']).toContain(r.problem);
    expect(r.message).toContain('a.json');
  });

  it('a truncated archive: no table of contents, with the byte offset', async () => {
    const e = await fails('truncated.zip');
    expect(e.code).toBe('zip-damaged');
    expect(e.message).toContain('не полностью');
    expect(e.where).toMatch(/^байт \d+$/);
  });

  it('refuses a zip bomb by ratio and by declared size, without inflating', async () => {
    const bomb = await fails('bomb.zip');
    expect(bomb.code).toBe('zip-bomb');
    expect(bomb.message).toContain('zip-бомб');
    const declared = await fails('bomb-declared.zip');
    expect(declared.code).toBe('zip-bomb');
  });

  it('stops inflating at the declared size when a header lies', async () => {
    const src = bytesSource(fixture('formats', 'lying-size.zip'));
    const [r] = await verifyZip(src, await readZipDirectory(src));
    expect(r.ok).toBe(false);
    expect(r.problem).toBe('size');
  });

  it('streams: reads at most 1 MiB at a time from the source', async () => {
    let seed = 42;
    const big = new Uint8Array(5 * 1024 * 1024).map(() => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24));
    const { zipSync } = await import('fflate');
    const bytes = zipSync({ 'big.bin': [big, { level: 1 }] });
    const src = spySource(bytes);
    const dir = await readZipDirectory(src);
    let progressCalls = 0;
    const [r] = await verifyZip(src, dir, () => progressCalls++);
    expect(r.ok).toBe(true);
    expect(src.maxRead).toBeLessThanOrEqual(1024 * 1024 + 0xffff + 22 + 20);
    expect(progressCalls).toBeGreaterThan(2);
  });
});
