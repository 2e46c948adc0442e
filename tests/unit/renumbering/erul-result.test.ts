import { describe, expect, it } from 'vitest';
import { checkFixture, codes } from './helpers';
import { licenceNumbers } from '../../../scripts/fixtures/renumbering';

const MIXED = { total: 10, renumbered: 6, alreadyInErul: 3, failed: 1, pairingProblems: 0 };

describe('ЕРУЛ renumbering result', () => {
  it('a clean result (figure 7 keys) is ok, every pair renumbered', async () => {
    const r = await checkFixture('erul-clean.json');
    expect(r.kind).toBe('erul-renumbering-result');
    expect(r.verdict).toBe('ok');
    expect(r.summary).toEqual({ total: 8, renumbered: 8, alreadyInErul: 0, failed: 0, pairingProblems: 0 });
    expect(r.records?.[3]).toEqual({ old: licenceNumbers(3).old, new: licenceNumbers(3).new, outcome: 'renumbered', error: '' });
  });

  it.each([
    'erul-mixed.json',
    'erul-one-line.json',
    'erul-pretty.json',
    'erul-merged.json',
    'erul-key-casing.json',
    'erul-bom.json',
    'erul-utf16le.json',
    'erul-utf16be.json',
    'erul-cp1251.json',
    'erul-crlf.json',
  ])('%s: same counts whatever the layout, keys or encoding', async (name) => {
    const r = await checkFixture(name);
    expect(r.kind).toBe('erul-renumbering-result');
    expect(r.summary).toEqual(MIXED);
    expect(r.verdict).toBe('error');
    expect(codes(r, 'error')).toEqual(['erul-error']);
    const failed = r.records!.filter((x) => x.outcome === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].error).toBe('Лицензия не найдена в реестре лицензирующего органа');
    expect(r.records!.filter((x) => x.outcome === 'alreadyInErul').map((x) => x.new)).toEqual(['', '', '']);
    // «already in ЕРУЛ» is an info finding: not critical
    const already = r.findings.find((f) => f.code === 'already-in-erul');
    expect(already?.severity).toBe('info');
    expect(already?.message).toMatch(/не критично/);
    expect(r.records![0]).toMatchObject(licenceNumbers(0));
  });

  it('a missing object: one pairing problem, the later pairs stay right', async () => {
    const r = await checkFixture('erul-missing-object.json');
    expect(r.summary).toEqual({ total: 8, renumbered: 7, alreadyInErul: 0, failed: 0, pairingProblems: 1 });
    expect(r.verdict).toBe('error');
    expect(r.records![3]).toMatchObject({ old: licenceNumbers(3).old, new: '', outcome: 'pairingProblem' });
    for (const i of [4, 5, 6, 7]) expect(r.records![i]).toMatchObject({ ...licenceNumbers(i), outcome: 'renumbered' });
    const f = r.findings.find((x) => x.code === 'pairing-missing-new');
    expect(f?.where).toBe('7-я по порядку запись в файле');
  });

  it('an inconsistent pair (different region before «/») is a pairing problem', async () => {
    const r = await checkFixture('erul-inconsistent.json');
    expect(r.summary.pairingProblems).toBe(1);
    expect(r.records![2].outcome).toBe('pairingProblem');
    expect(codes(r, 'error')).toEqual(['pairing-inconsistent']);
  });

  it('the same licence twice with different new numbers: both pairs untrusted', async () => {
    const r = await checkFixture('erul-conflict.json');
    expect(r.summary).toEqual({ total: 5, renumbered: 3, alreadyInErul: 0, failed: 0, pairingProblems: 2 });
    expect(r.records![1].outcome).toBe('pairingProblem');
    expect(r.records![4].outcome).toBe('pairingProblem');
    expect(r.findings.find((f) => f.code === 'old-twice')?.message).toContain(licenceNumbers(1).old);
  });

  it('Latin «L» is reported (info) and matched as «Л»; spaces are trimmed', async () => {
    const r = await checkFixture('erul-latin-l.json');
    expect(r.verdict).toBe('ok');
    expect(r.summary.renumbered).toBe(8);
    expect(r.records![1].old).toBe(licenceNumbers(1).old);
    expect(r.records![1].new).toBe(licenceNumbers(1).new);
    expect(r.findings.find((f) => f.code === 'latin-letter')?.message).toMatch(/латинской «L».*4/);
    const s = await checkFixture('erul-spaces.json');
    expect(s.verdict).toBe('ok');
    expect(s.records![0]).toMatchObject(licenceNumbers(0));
    expect(codes(s)).toContain('spaces-trimmed');
  });

  it('a new number not of the ЕРУЛ form fails', async () => {
    const r = await checkFixture('erul-invalid-new.json');
    expect(r.summary.failed).toBe(1);
    expect(r.findings.find((f) => f.code === 'invalid-new-number')?.message).toMatch(/8 цифр/);
  });

  it('a fragment cut out of a result file: pairs inside it are checked, the edges are problems, verdict error', async () => {
    const r = await checkFixture('erul-fragment.txt');
    expect(r.kind).toBe('erul-renumbering-result');
    expect(r.verdict).toBe('error');
    expect(r.summary).toEqual({ total: 9, renumbered: 7, alreadyInErul: 0, failed: 0, pairingProblems: 2 });
    expect(r.records![1]).toMatchObject({ ...licenceNumbers(0), outcome: 'renumbered' });
    expect(codes(r, 'error')).toEqual(expect.arrayContaining(['unreadable', 'pairing-orphan-new', 'pairing-missing-new']));
    expect(r.findings.find((f) => f.code === 'unreadable')?.message).toMatch(/кусок из середины/);
  });

  it('a truncated file: unreadable with the line and column, complete pairs kept', async () => {
    const r = await checkFixture('erul-truncated.json');
    expect(r.verdict).toBe('error');
    const f = r.findings.find((x) => x.code === 'unreadable');
    expect(f?.message).toMatch(/обрывается/);
    expect(f?.where).toMatch(/^строка \d+, столбец \d+$/);
    expect(r.summary.renumbered).toBe(5);
  });

  it('only new numbers: every one an orphan', async () => {
    const r = await checkFixture('erul-only-new.json');
    expect(r.summary).toEqual({ total: 8, renumbered: 0, alreadyInErul: 0, failed: 0, pairingProblems: 8 });
    expect(r.records!.every((x) => x.old === '' && x.outcome === 'pairingProblem')).toBe(true);
    expect(r.verdict).toBe('error');
  });

  it('an array of strings is not a result: error, no crash', async () => {
    const r = await checkFixture('erul-array-of-strings.json');
    expect(r.verdict).toBe('error');
    expect(r.summary.total).toBe(0);
    expect(codes(r, 'error')).toEqual(['no-pairs']);
  });

  it('findings are capped per code on huge files', async () => {
    const { checkErulResult } = await import('../../../lib/checks/erul-result');
    const { walkPairs } = await import('../../../lib/renumbering/pairing');
    const items = Array.from({ length: 500 }, (_, i) => ({ seq: i, new: licenceNumbers(i).new }));
    const res = checkErulResult({ pairs: walkPairs(items), scan: { bareStrings: [], otherObjects: 0 }, encoding: 'utf-8' });
    expect(res.summary.pairingProblems).toBe(500);
    expect(res.findings.filter((f) => f.code === 'pairing-orphan-new').length).toBe(51);
    expect(res.records).toHaveLength(500);
  });
});
