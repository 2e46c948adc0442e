import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../lib/capture-protocol';

const sample = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + 17) & 255);

describe('capture chunks in base64', () => {
  it('match Node and round-trip for lengths around the 32 KiB step and padding', () => {
    for (const n of [0, 1, 2, 3, 0x8000 - 1, 0x8000, 0x8000 + 1, 100_001]) {
      const bytes = sample(n);
      const b64 = toBase64(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(fromBase64(b64))).toEqual(Array.from(bytes));
    }
  });

  it('use the native Uint8Array methods where the engine has them', () => {
    const bytes = sample(10);
    let called = 0;
    Object.defineProperty(bytes, 'toBase64', { value: () => (called++, 'native') });
    expect(toBase64(bytes)).toBe('native');
    expect(called).toBe(1);
  });
});
