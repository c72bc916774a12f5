import { describe, expect, it } from 'vitest';
import { addDays, isoDate, daysBetween } from './calendar-dates.js';

describe('calendar dates', () => {
  it('writes a Date argument as YYYY-MM-DD, and passes text through', () => {
    expect(isoDate(new Date('2026-03-29T00:00:00Z'))).toBe('2026-03-29');
    expect(isoDate('2026-03-29')).toBe('2026-03-29');
    expect(isoDate('2026-03-29T12:00:00Z')).toBe('2026-03-29');
  });

  it('counts whole days between dates, across a leap day and backwards', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-11-05', '2026-11-05')).toBe(0);
    expect(daysBetween('2026-11-16', '2026-11-05')).toBe(-11);
  });

  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
