/**
 * Blob reads in a browser are round trips: blobSource reads ahead in windows (lib/formats/source.ts). Whatever
 * the order of reads, the bytes are the file's; a reader going through in order costs one round trip a window.
 */
import { describe, expect, it } from 'vitest';
import { ArrivingSource, bytesSource, readAheadSource, type ByteSource } from '../../../lib/formats/source';

function counted(bytes: Uint8Array): ByteSource & { reads: number } {
  const inner = bytesSource(bytes);
  const src = {
    size: inner.size,
    reads: 0,
    async read(offset: number, length: number) {
      src.reads++;
      await new Promise((r) => setTimeout(r, 1));
      return inner.read(offset, length);
    },
  };
  return src;
}

const file = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31 + (i >> 8)) & 255);

describe('read-ahead source', () => {
  it('gives the same bytes as the file for any reads: in order, backwards, across windows, past the end', async () => {
    const src = readAheadSource(counted(file), 4096);
    const reads: [number, number][] = [[0, 10], [99_990, 100], [5, 5000], [4090, 12], [8192, 4096], [50_000, 9000], [100_003, 5], [3, 1]];
    for (let i = 0; i < 300; i++) reads.push([(i * 7919) % 100_003, (i * 131) % 6000]);
    for (const [o, l] of reads) expect(await src.read(o, l)).toEqual(file.subarray(o, Math.min(file.length, o + l)));
  });

  it('in order, one round trip a window (the next one already on its way), two windows held at most', async () => {
    const inner = counted(file);
    const src = readAheadSource(inner, 10_000);
    for (let o = 0; o < file.length; o += 1000) await src.read(o, 1000);
    expect(inner.reads).toBe(Math.ceil(file.length / 10_000));
  });

  it('concurrent reads each get their own bytes', async () => {
    const src = readAheadSource(counted(file), 2048);
    const offsets = Array.from({ length: 50 }, (_, i) => (i * 1999) % 99_000);
    const got = await Promise.all(offsets.map((o) => src.read(o, 700)));
    got.forEach((b, i) => expect(b).toEqual(file.subarray(offsets[i], offsets[i] + 700)));
  });
});

describe('bytes arriving from another thread', () => {
  it('a read waits for its range, pieces come in any order, overlapping', async () => {
    const src = new ArrivingSource(file.length);
    const early = src.read(99_000, 1003);
    const middle = src.read(40_000, 20_000);
    let earlyDone = false;
    void early.then(() => (earlyDone = true));
    src.put(90_000, file.subarray(90_000));
    await new Promise((r) => setTimeout(r, 0));
    expect(earlyDone).toBe(true);
    expect(await early).toEqual(file.subarray(99_000));
    src.put(0, file.subarray(0, 50_000));
    src.put(45_000, file.subarray(45_000, 90_000));
    expect(await middle).toEqual(file.subarray(40_000, 60_000));
    expect(await src.read(0, file.length)).toEqual(file);
  });

  it('the sender could not read on: waiting and later reads fail, read bytes still read', async () => {
    const src = new ArrivingSource(file.length);
    src.put(0, file.subarray(0, 1000));
    const waiting = src.read(500, 5000);
    src.fail(new Error('Файл изменился на диске'));
    await expect(waiting).rejects.toThrow('Файл изменился');
    await expect(src.read(2000, 10)).rejects.toThrow('Файл изменился');
    expect(await src.read(0, 1000)).toEqual(file.subarray(0, 1000));
  });
});
