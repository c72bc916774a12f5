import { describe, expect, it } from 'vitest';
import { completionRate, computeStreaks, dateOfDay, dayNumber, isoWeek, weekNumber } from './streaks.js';

/** Consecutive dates from `start`, `count` of them. */
function run(start: string, count: number, step = 1): string[] {
  const first = dayNumber(start);
  return Array.from({ length: count }, (_, i) => dateOfDay(first + i * step));
}

describe('ISO weeks', () => {
  it.each([
    ['2026-11-27', 2026, 48],
    ['2026-01-01', 2026, 1],
    ['2025-12-29', 2026, 1],
    ['2026-12-28', 2026, 53],
    ['2027-01-03', 2026, 53],
    ['2027-01-04', 2027, 1],
    ['2021-01-01', 2020, 53],
    ['2024-12-30', 2025, 1],
  ])('%s is in %i-W%i', (date, year, week) => {
    expect(isoWeek(date)).toEqual({ year, week });
  });

  it('starts weeks on Monday and numbers them without gaps across years', () => {
    expect(weekNumber(dayNumber('2026-11-23'))).toBe(weekNumber(dayNumber('2026-11-29')));
    expect(weekNumber(dayNumber('2026-11-30'))).toBe(weekNumber(dayNumber('2026-11-29')) + 1);
    expect(weekNumber(dayNumber('2027-01-04'))).toBe(weekNumber(dayNumber('2027-01-03')) + 1);
    expect(weekNumber(dayNumber('2026-12-28'))).toBe(weekNumber(dayNumber('2027-01-03')));
  });
});

describe('daily habits', () => {
  it('counts consecutive days ending today', () => {
    expect(computeStreaks(run('2026-11-23', 5), 7, '2026-11-27')).toEqual({
      unit: 'DAY',
      current: 5,
      best: 5,
    });
  });

  it('keeps the streak while today is not logged yet', () => {
    expect(computeStreaks(run('2026-11-23', 4), 7, '2026-11-27').current).toBe(4);
  });

  it('breaks after a missed day and remembers the best run', () => {
    const dates = [...run('2026-11-01', 10), ...run('2026-11-25', 3)];
    expect(computeStreaks(dates, 7, '2026-11-27')).toEqual({ unit: 'DAY', current: 3, best: 10 });
    expect(computeStreaks(run('2026-11-20', 3), 7, '2026-11-27').current).toBe(0);
  });

  it('runs across the new year', () => {
    expect(computeStreaks(run('2026-12-29', 6), 7, '2027-01-03').current).toBe(6);
  });

  it('ignores dates after today and duplicates', () => {
    const dates = ['2026-11-26', '2026-11-26', '2026-11-27', '2026-11-28'];
    expect(computeStreaks(dates, 7, '2026-11-27')).toEqual({ unit: 'DAY', current: 2, best: 2 });
  });

  it('is zero without logs', () => {
    expect(computeStreaks([], 7, '2026-11-27')).toEqual({ unit: 'DAY', current: 0, best: 0 });
  });
});

describe('habits of N per week', () => {
  // Mondays of consecutive ISO weeks: 2026-11-02, -09, -16, -23.
  it('keeps the streak with N completions in each calendar week, on any days', () => {
    const dates = ['2026-11-02', '2026-11-04', '2026-11-08', '2026-11-10', '2026-11-11', '2026-11-15'];
    const dates2 = [...dates, '2026-11-16', '2026-11-20', '2026-11-22'];
    expect(computeStreaks(dates2, 3, '2026-11-23')).toEqual({ unit: 'WEEK', current: 3, best: 3 });
  });

  it('does not break on the running week until it ends', () => {
    const dates = [...run('2026-11-16', 3), '2026-11-23'];
    // This week has 1 of 3 so far: last week's streak still stands.
    expect(computeStreaks(dates, 3, '2026-11-27').current).toBe(1);
    // The third completion this week adds it.
    expect(computeStreaks([...dates, '2026-11-24', '2026-11-25'], 3, '2026-11-27').current).toBe(2);
  });

  it('breaks when a finished week fell short', () => {
    const dates = [...run('2026-11-02', 3), ...run('2026-11-09', 2), ...run('2026-11-16', 3)];
    expect(computeStreaks(dates, 3, '2026-11-23')).toEqual({ unit: 'WEEK', current: 1, best: 1 });
  });

  it('does not let 3 days spanning Sunday and Monday count as one week', () => {
    // Sat, Sun, Mon: two days in one week, one in the next.
    const dates = ['2026-11-21', '2026-11-22', '2026-11-23'];
    expect(computeStreaks(dates, 3, '2026-11-30')).toEqual({ unit: 'WEEK', current: 0, best: 0 });
  });

  it('runs across the year boundary through ISO week 53', () => {
    // 2026-W52 (Dec 21-27), 2026-W53 (Dec 28 - Jan 3), 2027-W01 (Jan 4-10).
    const dates = [
      ...run('2026-12-21', 2, 2),
      ...run('2026-12-31', 2), // Thu, Fri: both in 2026-W53 though the year changes
      ...run('2027-01-04', 2),
    ];
    expect(computeStreaks(dates, 2, '2027-01-08')).toEqual({ unit: 'WEEK', current: 3, best: 3 });
  });

  it('splits a week at the year boundary correctly when the year has 52 weeks', () => {
    // 2024-12-30 .. 2025-01-05 is 2025-W01; 2024-12-23 .. 29 is 2024-W52.
    const dates = ['2024-12-24', '2024-12-29', '2024-12-30', '2025-01-05'];
    expect(computeStreaks(dates, 2, '2025-01-06')).toEqual({ unit: 'WEEK', current: 2, best: 2 });
  });

  it('counts a habit of 1 per week in weeks', () => {
    expect(computeStreaks(run('2026-11-02', 4, 7), 1, '2026-11-27')).toEqual({
      unit: 'WEEK',
      current: 4,
      best: 4,
    });
  });
});

describe('completion rate', () => {
  it('is completed days over days for a daily habit', () => {
    expect(completionRate(run('2026-11-01', 15), 7, '2026-11-01', '2026-11-30')).toBe(0.5);
  });

  it('expects N per 7 days for a weekly habit and caps at 1', () => {
    expect(completionRate(run('2026-11-02', 3), 3, '2026-11-02', '2026-11-15')).toBe(0.5);
    expect(completionRate(run('2026-11-02', 7), 3, '2026-11-02', '2026-11-08')).toBe(1);
  });

  it('ignores dates outside the range and is 0 for an empty range', () => {
    expect(completionRate(['2026-10-31', '2026-11-01'], 7, '2026-11-01', '2026-11-02')).toBe(0.5);
    expect(completionRate(['2026-11-01'], 7, '2026-11-02', '2026-11-01')).toBe(0);
  });
});
