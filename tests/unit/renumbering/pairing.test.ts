import { describe, expect, it } from 'vitest';
import { fieldOf, itemsFromJson, itemsFromText } from '../../../lib/renumbering/items';
import { findConflicts, problemAt, walkPairs, type PairSeq } from '../../../lib/renumbering/pairing';

/** The pairs as plain rows: old, new, problem, line (0 = whole JSON). */
function view(ps: PairSeq) {
  return ps.pairs.map((p, i) => ({ old: p.old, new: p.new, problem: problemAt(ps, i), line: ps.line[i], error: p.error }));
}

const A = { old: 'Л023-00119-76/001082', new: 'Л023-00119-76/00388825' };
const B = { old: 'Л003-00119-44/000408', new: 'Л003-00119-44/00388826' };
const C = { old: 'Л023-00119-76/001150', new: 'Л023-00119-76/00388827' };

describe('pairing walk', () => {
  it('pairs each old number with the FOLLOWING new-number object', () => {
    const { items } = itemsFromJson([{ old_number: A.old, error: '' }, { new_number: A.new }, { old_Number: B.old, error: '' }, { new_number: B.new }]);
    const pairs = view(walkPairs(items));
    expect(pairs.map((p) => [p.old, p.new, p.problem])).toEqual([
      [A.old, A.new, undefined],
      [B.old, B.new, undefined],
    ]);
  });

  it('a missing new-number object costs one pair and does not shift the later ones', () => {
    const { items } = itemsFromJson([
      { old_number: A.old, error: '' },
      { old_number: B.old, error: '' },
      { new_number: B.new },
      { old_number: C.old, error: '' },
      { new_number: C.new },
    ]);
    const pairs = view(walkPairs(items));
    expect(pairs.map((p) => [p.old, p.new, p.problem ?? 'ok'])).toEqual([
      [A.old, '', 'missing-new'],
      [B.old, B.new, 'ok'],
      [C.old, C.new, 'ok'],
    ]);
  });

  it('accepts merged objects, key casing variants, and flags orphans and inconsistent pairs', () => {
    const { items } = itemsFromJson({
      result: [
        { NEW_NUMBER: 'Л023-00119-76/00000001' },
        { OLD_NUMBER: A.old, Error: '', New_Number: A.new },
        { oldNumber: B.old, error: '' },
        { newNumber: C.new },
      ],
    });
    const pairs = view(walkPairs(items));
    expect(pairs.map((p) => p.problem ?? 'ok')).toEqual(['orphan-new', 'ok', 'inconsistent']);
    expect(pairs[1]).toMatchObject({ old: A.old, new: A.new });
    expect(fieldOf('old_Number')).toBe('old');
    expect(fieldOf('new-number')).toBe('new');
    expect(fieldOf('licenseNumber')).toBeNull();
  });

  it('reads a fragment that starts mid-object (figure 7 of the seed), with line numbers', () => {
    const text = `"new_number": "Л003-00119-44/00388824"}, {"old_Number": "${A.old}", "error": ""},\n"new_number": "${A.new}"}, {"old_Number": "${B.old}", "error": ""},\n"new_number": "${B.new}"}, {"old_Number": "${C.old}", "error": ""},\n`;
    const scan = itemsFromText(text);
    expect(scan.startsMidObject).toBe(true);
    const pairs = view(walkPairs(scan.items));
    expect(pairs.map((p) => [p.old, p.new, p.problem ?? 'ok', p.line])).toEqual([
      ['', 'Л003-00119-44/00388824', 'orphan-new', 1],
      [A.old, A.new, 'ok', 1],
      [B.old, B.new, 'ok', 2],
      [C.old, '', 'missing-new', 3],
    ]);
  });

  it('keeps complete objects of a file cut off at the end', () => {
    const text = `[{"old_number": "${A.old}", "error": ""}, {"new_number": "${A.new}"}, {"old_number": "${B.old}", "error": ""}, {"new_number": "Л0`;
    const scan = itemsFromText(text);
    expect(scan.truncated).toBe(true);
    const pairs = view(walkPairs(scan.items));
    expect(pairs[0]).toMatchObject({ old: A.old, new: A.new });
    expect(pairs[1]).toMatchObject({ old: B.old, problem: 'missing-new' });
  });

  it('finds the same licence with two new numbers, and one new number for two licences', () => {
    const { items } = itemsFromJson([
      { old_number: A.old, error: '', new_number: A.new },
      { old_number: A.old, error: '', new_number: 'Л023-00119-76/00388899' },
      { old_number: B.old, error: '', new_number: B.new },
      { old_number: 'Л003-00119-44/000999', error: '', new_number: B.new },
      { old_number: C.old, error: '', new_number: C.new },
      { old_number: C.old, error: '', new_number: C.new },
    ]);
    const conflicts = findConflicts(walkPairs(items));
    expect(conflicts.map((c) => [c.kind, c.number, c.indexes])).toEqual([
      ['old-twice', A.old, [0, 1]],
      ['new-twice', B.new, [2, 3]],
    ]);
  });

  it('finds every repeated licence among thousands, in document order', () => {
    const items = [];
    for (let i = 0; i < 3000; i++) {
      const serial = String(i < 2990 ? i : (i - 2990) * 100).padStart(6, '0');
      items.push({ seq: i, old: `Л023-00119-76/${serial}`, new: `Л023-00119-76/${String(388000 + i).padStart(8, '0')}`, error: '' });
    }
    const conflicts = findConflicts(walkPairs(items), false);
    expect(conflicts.map((c) => c.indexes)).toEqual(Array.from({ length: 10 }, (_, k) => [k * 100, 2990 + k]));
    expect(conflicts.every((c) => c.kind === 'old-twice')).toBe(true);
  });
});
