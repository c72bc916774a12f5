import { describe, expect, it } from 'vitest';
import { centsToDecimal, decimalToCents, isCurrencyCode } from './money.js';

describe('money', () => {
  it('formats and parses minor units exactly', () => {
    expect(centsToDecimal(49900, 'RUB')).toBe('499.00');
    expect(centsToDecimal(5, 'USD')).toBe('0.05');
    expect(centsToDecimal(1234, 'JPY')).toBe('1234');
    expect(decimalToCents('10.5', 'EUR')).toBe(1050);
    expect(decimalToCents('0.07', 'USD')).toBe(7);
    expect(() => decimalToCents('1.005', 'USD')).toThrow(RangeError);
    expect(() => decimalToCents('1e3', 'USD')).toThrow(RangeError);
  });

  it('knows ISO 4217 codes', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('RUB')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('ABC')).toBe(false);
  });
});
