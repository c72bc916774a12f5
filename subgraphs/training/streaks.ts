/**
 * Habit streaks as pure functions over calendar dates (YYYY-MM-DD, UTC), so every rule about
 * weeks and years is unit-tested without a database.
 *
 * A habit done every day (frequency_per_week = 7) counts its streak in days. A habit of N < 7 per
 * week counts it in ISO weeks (Monday to Sunday): a week with at least N completed days keeps the
 * streak. The period that is still running (today, this week) never breaks a streak: it adds to
 * it once it qualifies.
 */

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export type StreakUnit = 'DAY' | 'WEEK';

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The UTC calendar date of an instant (a user's own "today" is kit/time-zones.ts's localDate). */
export function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * A running number for the ISO week (Monday-based) a day falls in. 1970-01-01 was a Thursday,
 * so shifting by 3 puts every Monday at a multiple of 7; consecutive weeks differ by one, across
 * year boundaries and week 53 alike.
 */
export function weekNumber(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** ISO 8601 week-numbering year and week of a date (e.g. 2026-12-31 is 2026-W53; 2025-12-29 is 2026-W01). */
export function isoWeek(date: string): { year: number; week: number } {
  const day = dayNumber(date);
  const weekday = (((day + 3) % 7) + 7) % 7; // Monday = 0
  const thursday = day - weekday + 3; // the ISO year is the year of the week's Thursday
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const firstThursday = (() => {
    const jan4 = Date.UTC(year, 0, 4) / MS_PER_DAY;
    const jan4Weekday = (((jan4 + 3) % 7) + 7) % 7;
    return jan4 - jan4Weekday + 3;
  })();
  return { year, week: (thursday - firstThursday) / 7 + 1 };
}

export function streakUnit(frequencyPerWeek: number): StreakUnit {
  return frequencyPerWeek >= 7 ? 'DAY' : 'WEEK';
}

export interface Streaks {
  unit: StreakUnit;
  current: number;
  best: number;
}

/**
 * Current and best streak of a habit from the dates it was completed on, `today` being the owner's
 * local date (their time zone). Dates after it are ignored; duplicates are counted once.
 */
export function computeStreaks(
  completedDates: Iterable<string>,
  frequencyPerWeek: number,
  today: string,
): Streaks {
  const unit = streakUnit(frequencyPerWeek);
  const todayDay = dayNumber(today);
  const days = new Set<number>();
  for (const date of completedDates) {
    const day = dayNumber(date);
    if (day <= todayDay) days.add(day);
  }
  // A period qualifies when it has enough completed days: a day is itself, a week needs N of 7.
  const counts = new Map<number, number>();
  const periodOf = unit === 'DAY' ? (day: number) => day : weekNumber;
  const needed = unit === 'DAY' ? 1 : Math.max(1, frequencyPerWeek);
  for (const day of days) {
    const period = periodOf(day);
    counts.set(period, (counts.get(period) ?? 0) + 1);
  }
  const qualifies = (period: number) => (counts.get(period) ?? 0) >= needed;

  const currentPeriod = periodOf(todayDay);
  let start = qualifies(currentPeriod) ? currentPeriod : currentPeriod - 1;
  let current = 0;
  while (qualifies(start)) {
    current += 1;
    start -= 1;
  }

  const qualifying = [...counts.keys()].filter(qualifies).sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  let previous: number | null = null;
  for (const period of qualifying) {
    run = previous !== null && period === previous + 1 ? run + 1 : 1;
    best = Math.max(best, run);
    previous = period;
  }
  return { unit, current, best: Math.max(best, current) };
}

/**
 * Share of the expected completions achieved over [from, to] (inclusive), between 0 and 1: a
 * habit of N per week is expected N times per 7 days of the range.
 */
export function completionRate(
  completedDates: Iterable<string>,
  frequencyPerWeek: number,
  from: string,
  to: string,
): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end < start) return 0;
  const completed = new Set<number>();
  for (const date of completedDates) {
    const day = dayNumber(date);
    if (day >= start && day <= end) completed.add(day);
  }
  const expected = ((end - start + 1) * Math.min(7, Math.max(1, frequencyPerWeek))) / 7;
  return Math.round(Math.min(1, completed.size / expected) * 10_000) / 10_000;
}
