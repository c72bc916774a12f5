/**
 * Arithmetic on calendar dates written as `YYYY-MM-DD` (UTC), the form date columns and the
 * `Date` scalar use.
 */
const DAY_MS = 86_400_000;

export function toDateString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A `Date` scalar argument as `YYYY-MM-DD`: the scalar parses it to a Date at midnight UTC, and a
 * caller that passes the text through gets it back as it is.
 */
export function isoDate(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : toDateString(value);
}

function parseDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/** Whole days from one calendar date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to).getTime() - parseDate(from).getTime()) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return toDateString(new Date(parseDate(date).getTime() + days * DAY_MS));
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const d = parseDate(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return toDateString(target);
}
