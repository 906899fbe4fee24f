import { describe, expect, it } from 'vitest';
import { localPhonePrefix, phonePrefix } from '../../src-shared/phoneSearch';

describe('phonePrefix: the start of a BD number in any form owners type', () => {
  it('maps local, country-code and 00 forms to one E.164 prefix', () => {
    for (const s of ['0171', '+880171', '880171', '00880171', '171', '০১৭১', '017-1']) expect(phonePrefix(s), s).toBe('+880171');
    expect(phonePrefix('01712345678')).toBe('+8801712345678');
    expect(phonePrefix('+8801712345678')).toBe('+8801712345678');
    // Shorter than the operator digit: still the start of every number.
    expect(phonePrefix('0')).toBe('+880');
    expect(phonePrefix('88')).toBe('+88');
  });

  it('is null for text no BD mobile number starts with', () => {
    for (const s of ['Rahim', '02', '+1', '8802', '9171', '017123456789', 'AA:BB', '']) expect(phonePrefix(s), s).toBeNull();
  });

  it('gives the local form (the hotspot user name) once a digit past +880 is known', () => {
    expect(localPhonePrefix('+880171')).toBe('0171');
    expect(localPhonePrefix('+88')).toBeNull();
  });
});
