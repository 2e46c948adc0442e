import { describe, expect, it } from 'vitest';
import { ownBytes } from '../../../platform/relay-capture';

describe('ownBytes (page-world bytes copied for the isolated world)', () => {
  it('copies the bytes into an array that does not share the source buffer', () => {
    const source = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    const copy = ownBytes(source.buffer);
    expect([...copy]).toEqual([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    expect(copy.buffer).not.toBe(source.buffer);
    source[0] = 0;
    expect(copy[0]).toBe(0xef);
  });
});
