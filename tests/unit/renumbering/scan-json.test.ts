import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIR } from './helpers';
import { scanPairs } from '../../../lib/renumbering/scan-json';
import { pairsFromJson } from '../../../lib/renumbering/pairing';
import { decodeText } from '../../../lib/formats/text';

function plain(r: ReturnType<typeof pairsFromJson>) {
  const { pairs, seq, problem, flags } = r.pairs;
  return { pairs: pairs.map((p) => ({ ...p })), seq, problem, flags, objects: r.objects, bareStrings: r.bareStrings };
}

describe('fast JSON pass (scanPairs)', () => {
  it('gives exactly what JSON.parse + the tree walk give, on every whole-JSON fixture', async () => {
    const names = (await readdir(DIR)).filter((n) => n.endsWith('.json'));
    let compared = 0;
    for (const name of names) {
      const { text } = decodeText(new Uint8Array(await readFile(join(DIR, name))));
      let root: unknown;
      try {
        root = JSON.parse(text);
      } catch {
        expect(scanPairs(text), name).toBeNull();
        continue;
      }
      const fast = scanPairs(text);
      expect(fast, name).not.toBeNull();
      expect(plain(fast!), name).toEqual(plain(pairsFromJson(root)));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it.each([
    ['trailing comma in an array', '[{"old_number": "Л1"},]'],
    ['trailing comma in an object', '[{"old_number": "Л1",}]'],
    ['unclosed array', '[{"old_number": "Л1"}'],
    ['cut inside a string', '[{"old_number": "Л1'],
    ['missing colon', '[{"old_number" "Л1"}]'],
    ['leading zero', '[{"old_number": 01}]'],
    ['bad escape', '[{"old_number": "\\x41"}]'],
    ['text after the end', '[{"new_number": "Л1"}] x'],
    ['single quotes', "[{'old_number': 'Л1'}]"],
    ['bare word', '[{"old_number": Л1}]'],
    ['empty', '   '],
  ])('rejects %s (the caller then explains the error by JSON.parse)', (_why, text) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(scanPairs(text)).toBeNull();
  });

  it('reads escapes, numbers, literals and wrapper objects like JSON.parse', () => {
    const text = '{"meta": {"n": -1.5e3, "ok": true, "x": null, "list": []}, "result": [{"old_number": "\\u041b023-00119-76/001082", "error": "a \\"b\\""}, {"new_number": "Л023-00119-76/00388825"}, {}, {"OLD_NUMBER": 12345, "error": null, "new_Number": "Л023-00119-76/00388826"}]}';
    expect(plain(scanPairs(text)!)).toEqual(plain(pairsFromJson(JSON.parse(text))));
    const r = scanPairs(text)!;
    expect(r.pairs.pairs[0]).toMatchObject({ old: 'Л023-00119-76/001082', new: 'Л023-00119-76/00388825', error: 'a "b"' });
    expect(r.pairs.pairs[1]).toMatchObject({ old: '12345', error: '' });
  });

  it('on 2,000 damaged variants of the fixtures: never throws, agrees with JSON.parse whenever that succeeds', async () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const bits = ['{', '}', '[', ']', '"', ',', ':', '\\', ' ', 'a', '0', 'Л', '\\u00', 'null', 'tru', '\n'];
    const names = (await readdir(DIR)).filter((n) => /^(erul|import|batch|seed)-.*\.(json|txt)$/.test(n)).slice(0, 20);
    let agreed = 0;
    for (const name of names) {
      const base = decodeText(new Uint8Array(await readFile(join(DIR, name)))).text;
      for (let k = 0; k < 100; k++) {
        let t = base;
        const at = Math.floor(rnd() * t.length);
        const op = rnd();
        t = op < 0.4 ? t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 5)) : op < 0.8 ? t.slice(0, at) + bits[Math.floor(rnd() * bits.length)] + t.slice(at) : t.slice(0, at);
        const fast = scanPairs(t);
        let root: unknown;
        try {
          root = JSON.parse(t);
        } catch {
          // the only leniency: a raw line break or tab inside a string
          if (fast) expect(/"[^"]*[\t\n\r][^"]*"/.test(t)).toBe(true);
          continue;
        }
        expect(fast).not.toBeNull();
        expect(plain(fast!)).toEqual(plain(pairsFromJson(root)));
        agreed++;
      }
    }
    expect(agreed).toBeGreaterThan(100);
  });
});
