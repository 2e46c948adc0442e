import { describe, expect, it } from 'vitest';
import { checkSnils, snilsCheckNumber, formatSnils } from '../../../lib/ids/snils';
import { checkInn } from '../../../lib/ids/inn';
import { checkOgrn } from '../../../lib/ids/ogrn';
import { checkKpp } from '../../../lib/ids/kpp';

describe('СНИЛС', () => {
  it('accepts real-format numbers with a matching check number, with or without separators', () => {
    expect(checkSnils('112-233-445 95')).toEqual({ ok: true, value: '11223344595' });
    expect(checkSnils('11223344595')).toEqual({ ok: true, value: '11223344595' });
    expect(checkSnils('123-456-789 64').ok).toBe(true);
    expect(checkSnils('139-518-058 80').ok).toBe(true);
  });
  it('computes the check number: sum < 100 → sum; 100 and 101 → 00; otherwise mod 101, 100 → 00', () => {
    expect(snilsCheckNumber('112233445')).toBe(95);
    expect(snilsCheckNumber('001326679')).toBe(0); // sum 100
    expect(snilsCheckNumber('001508816')).toBe(0); // sum 101
    expect(snilsCheckNumber('001168299')).toBe(7); // sum 108 → 108 mod 101
    expect(snilsCheckNumber('017996174')).toBe(0); // sum 201 → mod 101 = 100 → 00
    expect(checkSnils('001-326-679 00').ok).toBe(true);
    expect(checkSnils('001-508-816 00').ok).toBe(true);
    expect(checkSnils('001-168-299 07').ok).toBe(true);
    expect(checkSnils('017-996-174 00').ok).toBe(true);
  });
  it('rejects a typo, says why in Russian', () => {
    const r = checkSnils('112-233-445 96');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/Контрольное число СНИЛС не сходится/);
  });
  it('does not check numbers up to 001-001-998, checks from 001-001-999', () => {
    expect(checkSnils('001-001-998 00').ok).toBe(true);
    expect(checkSnils('001-001-999 00').ok).toBe(false);
  });
  it('rejects wrong length and letters', () => {
    expect(checkSnils('1122334459').ok).toBe(false);
    expect(checkSnils('1122334459A').ok).toBe(false);
    expect(checkSnils('').ok).toBe(false);
  });
  it('formats', () => expect(formatSnils('11223344595')).toBe('112-233-445 95'));
});

describe('ИНН', () => {
  it('accepts real 10-digit ИНН of organisations (incl. those from the seed screens)', () => {
    for (const inn of ['7707083893', '7728168971', '5902107907', '5906071680', '7702030351']) expect(checkInn(inn)).toEqual({ ok: true, value: inn });
  });
  it('accepts 12-digit ИНН with both check digits right', () => {
    expect(checkInn('500100732259').ok).toBe(true);
    expect(checkInn('771234567859').ok).toBe(true);
  });
  it('rejects a wrong 10th digit, a wrong 11th and a wrong 12th digit', () => {
    expect(checkInn('7707083894').ok).toBe(false);
    expect(checkInn('500100732249').ok).toBe(false);
    expect(checkInn('771234567850').ok).toBe(false);
  });
  it('rejects the wrong length and honours the allowed length', () => {
    const r = checkInn('590201001');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('указано 9');
    expect(checkInn('7707083893', 12).ok).toBe(false);
    expect(checkInn('500100732259', 10).ok).toBe(false);
    expect(checkInn('7707083893', 10).ok).toBe(true);
  });
});

describe('ОГРН / ОГРНИП', () => {
  it('accepts real ОГРН (13) and ОГРНИП (15)', () => {
    expect(checkOgrn('1027700132195').ok).toBe(true);
    expect(checkOgrn('1027739019208').ok).toBe(true);
    expect(checkOgrn('304500116000157').ok).toBe(true);
  });
  it('takes the remainder mod 10 when it is 10 or more', () => {
    expect(checkOgrn('1027700132240').ok).toBe(true); // first 12 mod 11 = 10 → 0
    expect(checkOgrn('304500116000180').ok).toBe(true); // first 14 mod 13 = 10 → 0
  });
  it('rejects typos and wrong lengths', () => {
    expect(checkOgrn('1027700132196').ok).toBe(false);
    expect(checkOgrn('304500116000158').ok).toBe(false);
    expect(checkOgrn('10277001321').ok).toBe(false);
    expect(checkOgrn('1027700132195', 15).ok).toBe(false);
    expect(checkOgrn('304500116000157', 13).ok).toBe(false);
  });
});

describe('КПП', () => {
  it('accepts 4 digits, 2 digits or capital Latin letters, 3 digits', () => {
    expect(checkKpp('773601001')).toEqual({ ok: true, value: '773601001' });
    expect(checkKpp('7736AB001').ok).toBe(true);
    expect(checkKpp('590201001').ok).toBe(true);
  });
  it('rejects other shapes', () => {
    expect(checkKpp('77360100').ok).toBe(false);
    expect(checkKpp('77360100A').ok).toBe(false);
    expect(checkKpp('7736АБ001').ok).toBe(false); // Cyrillic letters
    expect(checkKpp('').ok).toBe(false);
  });
});
