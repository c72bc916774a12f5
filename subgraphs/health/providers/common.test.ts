import { describe, expect, it } from 'vitest';
import { datesBetween, localDate, retryAfterSeconds, zonedToUtc } from './common.js';

describe('provider local times', () => {
  it('turns local wall-clock times into instants across DST changes', () => {
    expect(zonedToUtc('2026-03-28', '12:00:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T11:00:00.000Z',
    );
    expect(zonedToUtc('2026-03-29', '00:00:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(zonedToUtc('2026-03-29', '12:00:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T10:00:00.000Z',
    );
    expect(zonedToUtc('2026-10-25', '23:30:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T22:30:00.000Z',
    );
    expect(zonedToUtc('2026-11-16', '10:00:00', 'Asia/Kolkata').toISOString()).toBe(
      '2026-11-16T04:30:00.000Z',
    );
  });

  it('finds local dates and walks date ranges', () => {
    expect(localDate(new Date('2026-11-09T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-10');
    expect(localDate(new Date('2026-11-10T04:00:00Z'), 'America/New_York')).toBe('2026-11-09');
    expect(datesBetween('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it('reads delta-seconds and HTTP dates, with a default for anything else', () => {
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Tue, 01 Dec 2026 12:05:00 GMT', now)).toBe(300);
    expect(retryAfterSeconds(null, now)).toBe(60);
    expect(retryAfterSeconds('soon', now)).toBe(60);
    expect(retryAfterSeconds('999999999', now)).toBe(86_400);
  });
});
