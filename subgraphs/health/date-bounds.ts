import { badInput } from '../../kit/errors.js';

/**
 * The dates health accepts from users, apps and devices, in one place. The SDL descriptions state
 * them and the database holds a slightly wider window as its own CHECK constraints
 * (drizzle/health/0003_date_bounds.sql): a day ahead of its clock for samples and goal starts, so
 * a database clock a little behind the application's never refuses what the API accepted.
 */

/** Nothing measured, planned or expiring before this day (UTC) is accepted: no wearable data is older. */
export const EARLIEST_DATE = '2000-01-01';
const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);

/** Device clocks drift; a sample this far ahead of the server clock is still accepted. */
export const SAMPLE_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A goal starts at most this many years from today and lasts at most this many years. */
export const GOAL_MAX_YEARS = 10;

/** An OAuth token expiring further ahead than this is not a provider's. */
export const TOKEN_EXPIRY_MAX_YEARS = 10;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The same calendar day `years` later (Feb 29 becomes Mar 1 in common years). */
export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return isoDate(d.getTime());
}

/** Why a sample's instant is refused, or null when it is within bounds. */
export function sampleInstantProblem(at: Date, now: Date): string | null {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) return 'recordedAt is not a valid instant.';
  if (at.getTime() < EARLIEST_MS) return `recordedAt is before ${EARLIEST_DATE}.`;
  if (at.getTime() > now.getTime() + SAMPLE_CLOCK_SKEW_MS) return 'recordedAt is in the future.';
  return null;
}

/**
 * A goal's period: starts on or after 2000-01-01 and at most GOAL_MAX_YEARS from today, ends on or
 * after its start and at most GOAL_MAX_YEARS after it. Days are ISO dates (UTC).
 */
export function checkGoalPeriod(startDate: string, endDate: string | null, today: Date): void {
  if (startDate < EARLIEST_DATE) {
    throw badInput(`startDate must be on or after ${EARLIEST_DATE}.`, { field: 'startDate' });
  }
  if (startDate > addYears(isoDate(today.getTime()), GOAL_MAX_YEARS)) {
    throw badInput(`startDate must be at most ${GOAL_MAX_YEARS} years from today.`, { field: 'startDate' });
  }
  if (endDate === null) return;
  if (endDate < startDate) throw badInput('endDate must be on or after startDate.', { field: 'endDate' });
  if (endDate > addYears(startDate, GOAL_MAX_YEARS)) {
    throw badInput(`endDate must be at most ${GOAL_MAX_YEARS} years after startDate.`, { field: 'endDate' });
  }
}

/** A provider token's expiry: from 2000-01-01 to TOKEN_EXPIRY_MAX_YEARS ahead. */
export function checkTokenExpiry(expiresAt: Date | null | undefined, now: Date): void {
  if (!expiresAt) return;
  const latest = Date.parse(`${addYears(isoDate(now.getTime()), TOKEN_EXPIRY_MAX_YEARS)}T00:00:00Z`);
  const at = expiresAt.getTime();
  if (Number.isNaN(at) || at < EARLIEST_MS || at > latest) {
    throw badInput(
      `tokenExpiresAt must be between ${EARLIEST_DATE} and ${TOKEN_EXPIRY_MAX_YEARS} years from now.`,
      { field: 'tokenExpiresAt' },
    );
  }
}
