import { describe, expect, it } from 'vitest';
import { checkNewLicence, checkOldLicence, licencePrefix, looksLikeErulNumber, normaliseLicence, pairConsistent } from '../../../lib/ids/licence';

describe('licence numbers', () => {
  it('accepts the ЕРУЛ form with an 8-digit serial as a new number', () => {
    expect(checkNewLicence('Л023-00119-76/00388825')).toEqual({ ok: true, value: 'Л023-00119-76/00388825' });
  });

  it('says which part of a new number is wrong', () => {
    const six = checkNewLicence('Л023-00119-76/001082');
    expect(six.ok).toBe(false);
    if (!six.ok) expect(six.reason).toMatch(/8 цифр.*6/);
    const body = checkNewLicence('Л023-0119-76/00388825');
    if (!body.ok) expect(body.reason).toMatch(/лицензирующего органа.*5 цифр/);
    else throw new Error('accepted a 4-digit body code');
    expect(checkNewLicence('').ok).toBe(false);
    expect(checkNewLicence('023-00119-76/00388825').ok).toBe(false);
  });

  it('detects a Latin «L», trims spaces and unifies dashes, and matches the result', () => {
    expect(normaliseLicence('L023-00119-76/00388825')).toEqual({ value: 'Л023-00119-76/00388825', latin: true, spaces: false });
    expect(normaliseLicence('  Л023–00119—76/00388825 \t')).toEqual({ value: 'Л023-00119-76/00388825', latin: false, spaces: true });
    expect(normaliseLicence('Л023-00119-76/00388825').latin).toBe(false);
    expect(checkNewLicence('L023-00119-76/00388825')).toEqual({ ok: true, value: 'Л023-00119-76/00388825' });
  });

  it('accepts any non-empty old number, but not an empty or a half-ЕРУЛ one', () => {
    expect(checkOldLicence('ЛО-77-01-012345').ok).toBe(true);
    expect(checkOldLicence('123').ok).toBe(true);
    expect(checkOldLicence('Л023-00119-76/001082').ok).toBe(true);
    expect(checkOldLicence('   ').ok).toBe(false);
    expect(checkOldLicence('Л023-0119-76/001').ok).toBe(false);
    expect(checkOldLicence('---').ok).toBe(false);
  });

  it('compares the part before «/»; older forms cannot be compared', () => {
    expect(licencePrefix('Л023-00119-76/001082')).toBe('Л023-00119-76');
    expect(pairConsistent('Л023-00119-76/001082', 'Л023-00119-76/00388825')).toBe(true);
    expect(pairConsistent('Л023-00119-76/001082', 'Л023-00119-44/00388825')).toBe(false);
    expect(pairConsistent('Л003-00119-76/001082', 'Л023-00119-76/00388825')).toBe(false);
    expect(pairConsistent('ЛО-77-01-012345', 'Л023-00119-76/00388825')).toBe(true);
    expect(looksLikeErulNumber('L023-00119-76/4400146031')).toBe(true);
    expect(looksLikeErulNumber('Действует')).toBe(false);
  });
});
