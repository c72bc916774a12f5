import { addDays, isoDate } from '../../kit/calendar-dates.js';
import { lagTolerant } from '../../kit/db.js';
import { badInput } from '../../kit/errors.js';
import type { RequestContext } from '../../kit/subgraph.js';
import { bucketStarts, startOfLocalDate, timeZoneOf } from '../../kit/time-zones.js';
import type { HealthDeps } from './deps.js';
import type { HealthMetricType, UserHealthSeriesArgs } from './generated/resolvers-types.js';
import { latestLoader, seriesLoader } from './loaders.js';
import { isCumulative, METRIC_TYPE_NAMES, storedType } from './metric-types.js';
import { BUCKET_FIELDS } from './queries.js';
import { type HealthMetricRow, userTimeZones } from './tables.js';

/**
 * What User and TrainerClient answer from a user's samples (series and latest values), validated
 * and batched by user, once the caller has checked who may read them.
 */

/** Rough bucket widths, to refuse series with more than MAX_BUCKETS points before running them. */
const BUCKET_MS = { HOUR: 3_600_000, DAY: 86_400_000, WEEK: 7 * 86_400_000, MONTH: 28 * 86_400_000 };
export const MAX_BUCKETS = 1000;

export function checkRange(from: Date, to: Date): void {
  if (!(from < to)) throw badInput('from must be before to.', { field: 'from' });
}

/** A series point; an empty bucket has count 0 and no mean, minimum or maximum. */
export interface HealthSeriesPoint {
  start: Date;
  count: number;
  sum: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
}

/**
 * The instants a series covers: [from, to) as given, or whole local days (first to last
 * inclusive) from the start of the first to the start of the day after the last in the zone.
 */
export function seriesRange(
  args: Pick<UserHealthSeriesArgs, 'from' | 'to' | 'days'>,
  timeZone: string,
): { from: Date; to: Date } {
  const instants = args.from != null || args.to != null;
  if (instants && args.days != null)
    throw badInput('Give either from and to, or days, not both.', { field: 'days' });
  if (args.days != null) {
    const { from, to } = args.days;
    const first = isoDate(from);
    const last = isoDate(to);
    if (last < first) throw badInput('days.to must not be before days.from.', { field: 'days.to' });
    return { from: startOfLocalDate(first, timeZone), to: startOfLocalDate(addDays(last, 1), timeZone) };
  }
  if (args.from == null || args.to == null)
    throw badInput('Give from and to, or days.', { field: args.from == null ? 'from' : 'to' });
  checkRange(args.from, args.to);
  return { from: args.from, to: args.to };
}

/**
 * A user's series. The arguments are User.healthSeries's, which TrainerClient.healthSeries shares;
 * the loader's stored form is queries.ts's SeriesArgs. The calendar is the one asked for, or the
 * user's own (health's copy of identity's zones), whoever reads it.
 */
export async function healthSeriesOf(
  ctx: RequestContext,
  deps: HealthDeps,
  userId: string,
  args: UserHealthSeriesArgs,
): Promise<HealthSeriesPoint[]> {
  // Aggregates tolerate a replica's lag; a mutation's own samples are read from the primary.
  const db = lagTolerant(ctx, deps.database);
  const timeZone = args.timeZone ?? (await timeZoneOf(ctx, db, userTimeZones, userId));
  const { from, to } = seriesRange(args, timeZone);
  if (!(args.bucket in BUCKET_FIELDS)) throw badInput('Unknown bucket.', { field: 'bucket' });
  const buckets = (to.getTime() - from.getTime()) / BUCKET_MS[args.bucket];
  if (buckets > MAX_BUCKETS) {
    throw badInput(`At most ${MAX_BUCKETS} buckets per series; narrow the range or widen the bucket.`, {
      field: args.days ? 'days' : 'to',
    });
  }
  const points = await seriesLoader(ctx, db).load({
    userId,
    metricType: storedType(args.metricType),
    from,
    to,
    bucket: args.bucket,
    timeZone,
  });
  const cumulative = isCumulative(args.metricType);
  const found: HealthSeriesPoint[] = points.map((p) => ({ ...p, sum: cumulative ? p.sum : null }));
  return args.includeEmpty
    ? withEmptyBuckets(found, bucketStarts(from, to, args.bucket, timeZone), cumulative)
    : found;
}

/** The points with an empty one for every bucket start that has none, in time order. */
export function withEmptyBuckets(
  points: HealthSeriesPoint[],
  starts: Date[],
  cumulative: boolean,
): HealthSeriesPoint[] {
  const seen = new Set(points.map((p) => p.start.getTime()));
  const empty = starts
    .filter((start) => !seen.has(start.getTime()))
    .map((start) => ({ start, count: 0, sum: cumulative ? 0 : null, avg: null, min: null, max: null }));
  return [...points, ...empty].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** A user's newest sample per type, batched by user. */
export async function latestHealthMetricsOf(
  ctx: RequestContext,
  deps: HealthDeps,
  userId: string,
  args: { metricTypes?: HealthMetricType[] | null },
) {
  const types = [...new Set(args.metricTypes ?? METRIC_TYPE_NAMES)];
  const found = await latestLoader(ctx, deps.database.db, deps.clock).loadMany(
    types.map((t) => ({ userId, metricType: storedType(t) })),
  );
  return found.filter((r): r is HealthMetricRow => r !== null && !(r instanceof Error));
}
