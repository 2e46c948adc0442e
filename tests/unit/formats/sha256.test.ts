import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Sha256, sha256OfSource } from '../../../lib/formats/sha256';
import { bytesSource } from '../../../lib/formats/source';

describe('sha256', () => {
  it('matches node:crypto for lengths around block boundaries, fed in pieces', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 1000, 70_001]) {
      const d = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 255);
      const ours = new Sha256().update(d.subarray(0, n >> 1)).update(d.subarray(n >> 1)).hex();
      expect(ours).toBe(createHash('sha256').update(d).digest('hex'));
    }
  });

  it('hashes a source slice by slice', async () => {
    const d = Uint8Array.from({ length: 300_000 }, (_, i) => i & 255);
    expect(await sha256OfSource(bytesSource(d), 4096)).toBe(createHash('sha256').update(d).digest('hex'));
  });
});
