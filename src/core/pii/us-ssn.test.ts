import { describe, expect, it } from 'vitest';
import { values } from './test-helpers.ts';
import { isValidSsn } from './us-ssn.ts';

describe('US SSN recogniser', () => {
  it('accepts only the issued ranges', () => {
    expect(isValidSsn('123-45-6789')).toBe(true);
    expect(isValidSsn('000-12-3456')).toBe(false);
    expect(isValidSsn('666-12-3456')).toBe(false);
    expect(isValidSsn('912-12-3456')).toBe(false);
    expect(isValidSsn('123-00-3456')).toBe(false);
    expect(isValidSsn('123-45-0000')).toBe(false);
  });

  it('finds the dashed form, and spaced or bare forms only after "SSN"/"social"', () => {
    expect(values('for the form: 123-45-6789', 'US_SSN')).toEqual(['123-45-6789']);
    expect(values('my social is 123 45 6789', 'US_SSN')).toEqual(['123 45 6789']);
    expect(values('SSN 123456789 for the check', 'US_SSN')).toEqual(['123456789']);
    expect(values('customer number 123456789', 'US_SSN')).toEqual([]);
  });

  it('does not take a masked SSN', () => {
    expect(values('SSN on file ***-**-6789', 'US_SSN')).toEqual([]);
  });
});
