/**
 * Money is integer minor units ("cents") plus an ISO 4217 code; it is never a float. Minor-unit
 * digits per currency, for gateways that take decimal strings.
 */
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'XAF', 'XOF', 'UGX', 'PYG', 'RWF']);

export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    return (Intl as any).supportedValuesOf('currency').includes(code);
  } catch {
    return true;
  }
}

export function minorDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency) ? 0 : 2;
}

/** 1050 RUB cents -> "10.50". */
export function centsToDecimal(cents: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "10.50" -> 1050; refuses anything that is not an exact amount in the currency's minor units. */
export function decimalToCents(value: string, currency: string): number {
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new RangeError(`not an amount: ${value}`);
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  if (fraction.length > digits) throw new RangeError(`too many decimals: ${value}`);
  return Number(match[1]) * 10 ** digits + Number(fraction || '0');
}
