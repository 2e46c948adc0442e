import { describe, expect, it } from 'vitest';
import { checkFixture, codes } from './helpers';

describe('the seed instruction’s own figures', () => {
  it('figure 6 (a piece starting with an orphan new number): 10 already in ЕРУЛ, the orphan is a pairing problem', async () => {
    const r = await checkFixture('seed-figure-6.json');
    expect(r.kind).toBe('erul-renumbering-result');
    expect(r.summary).toEqual({ total: 11, renumbered: 0, alreadyInErul: 10, failed: 0, pairingProblems: 1 });
    expect(r.records![0]).toEqual({ old: '', new: 'Л003-00119-44/00388835', outcome: 'pairingProblem', error: '' });
    expect(r.records![4]).toEqual({ old: 'Л023-00119-44/4400146031', new: '', outcome: 'alreadyInErul', error: 'Сервис не предназначен для переприсвоения номеров полученных в ЕРУЛ.' });
    expect(r.findings.find((f) => f.code === 'unreadable')?.message).toMatch(/кусок из файла результата/);
  });

  it('figure 7 (no errors): every old number pairs with the FOLLOWING new number', async () => {
    const r = await checkFixture('seed-figure-7.txt');
    expect(r.summary).toMatchObject({ renumbered: 10, failed: 0, alreadyInErul: 0, pairingProblems: 2 });
    const byOld = new Map(r.records!.map((x) => [x.old, x.new]));
    expect(byOld.get('Л023-00119-76/001082')).toBe('Л023-00119-76/00388825');
    expect(byOld.get('Л003-00119-44/000408')).toBe('Л003-00119-44/00388826');
    expect(byOld.get('Л023-00119-44/001252')).toBe('Л023-00119-44/00388834');
    // the edges of the piece: the first new number has no old number, the last old number no new one
    expect(codes(r, 'error')).toEqual(expect.arrayContaining(['pairing-orphan-new', 'pairing-missing-new']));
  });

  it('figures 12 and 13 as one import result: one success, one already in ЕРУЛ (not critical)', async () => {
    const r = await checkFixture('seed-figures-12-13.json');
    expect(r.kind).toBe('tor-knd-import-result');
    expect(r.verdict).toBe('ok');
    expect(r.summary).toEqual({ total: 2, success: 1, alreadyInErul: 1, failed: 0 });
    expect(r.records![0]).toEqual({
      old: 'Л023-00119-25/000001',
      new: 'Л023-00119-25/00388877',
      outcome: 'renumbered',
      error: '',
      status: 'success',
      description: "Номер лицензии 'Л023-00119-25/000001' изменен успешно",
    });
    expect(r.records![1]).toMatchObject({ old: 'Л023-00119-25/00287099', outcome: 'alreadyInErul', status: 'error' });
  });
});
