/**
 * Seeded mutations for the fuzzer: the same seed gives the same inputs (FUZZ_SEED replays a failure).
 */
import { concat, rng } from '../../../scripts/fixtures/bytes';

export type Rng = () => number;
export { rng };

const int = (r: Rng, n: number) => Math.floor(r() * n);

const RUN_BYTES = [0x00, 0xff, 0x3c, 0x5b, 0x7b, 0x22, 0x50];

/** Offsets of zip record signatures (local, central, end of directory). */
function zipRecords(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 3 < b.length; i++) if (b[i] === 0x50 && b[i + 1] === 0x4b && (b[i + 2] === 1 || b[i + 2] === 3 || b[i + 2] === 5)) out.push(i);
  return out;
}

export const MUTATORS: Record<string, (b: Uint8Array, r: Rng) => Uint8Array> = {
  bitflips(b, r) {
    const out = b.slice();
    for (let k = 1 + int(r, 4); k > 0 && out.length; k--) out[int(r, out.length)] ^= 1 << int(r, 8);
    return out;
  },
  truncate(b, r) {
    return b.slice(0, int(r, b.length));
  },
  byteRun(b, r) {
    const at = int(r, b.length + 1);
    const run = new Uint8Array(1 + int(r, 4096)).fill(RUN_BYTES[int(r, RUN_BYTES.length)]);
    return r() < 0.5 ? concat(b.subarray(0, at), run, b.subarray(at)) : concat(b.subarray(0, at), run, b.subarray(Math.min(b.length, at + run.length)));
  },
  duplicateChunk(b, r) {
    const from = int(r, b.length + 1);
    const len = int(r, Math.min(8192, b.length - from) + 1);
    const at = int(r, b.length + 1);
    return concat(b.subarray(0, at), b.subarray(from, from + len), b.subarray(at));
  },
  zipHeaders(b, r) {
    const recs = zipRecords(b);
    if (!recs.length) return MUTATORS.bitflips(b, r);
    const out = b.slice();
    for (let k = 1 + int(r, 3); k > 0; k--) {
      // a field in the 46 bytes after a signature: sizes, offsets, counts, name lengths
      const at = recs[int(r, recs.length)] + 4 + int(r, 42);
      if (at < out.length) out[at] = r() < 0.5 ? out[at] ^ (1 << int(r, 8)) : [0, 0xff, 0x7f, 0x80][int(r, 4)];
    }
    return out;
  },
  deepNesting(b, r) {
    const depth = 100 + int(r, 20_000);
    const text = new TextDecoder().decode(b.subarray(0, 64));
    const [open, close] = /^\s*[[{]/.test(text) ? ['[', ']'] : ['<a>', '</a>'];
    const enc = new TextEncoder();
    return concat(enc.encode(open.repeat(depth)), b, enc.encode(close.repeat(r() < 0.5 ? depth : int(r, depth))));
  },
};

export function mutate(b: Uint8Array, r: Rng): { how: string; bytes: Uint8Array } {
  const names = Object.keys(MUTATORS);
  const how = names[int(r, names.length)];
  return { how, bytes: MUTATORS[how](b, r) };
}
