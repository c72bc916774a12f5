import { badInput } from '../../kit/errors.js';
import type { RequestContext } from '../../kit/subgraph.js';
import type { HealthDeps } from './deps.js';
import type { HealthMetricType, UserHealthSeriesArgs } from './generated/resolvers-types.js';
import { latestLoader, seriesLoader } from './loaders.js';
import { isCumulative, METRIC_TYPE_NAMES, storedType } from './metric-types.js';
import { BUCKET_FIELDS } from './queries.js';
import type { HealthMetricRow } from './tables.js';

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

/**
 * A user's series. The arguments are User.healthSeries's, which TrainerClient.healthSeries shares;
 * the loader's stored form is queries.ts's SeriesArgs.
 */
export async function healthSeriesOf(
  ctx: RequestContext,
  deps: HealthDeps,
  userId: string,
  args: UserHealthSeriesArgs,
) {
  checkRange(args.from, args.to);
  if (!(args.bucket in BUCKET_FIELDS)) throw badInput('Unknown bucket.', { field: 'bucket' });
  const buckets = (args.to.getTime() - args.from.getTime()) / BUCKET_MS[args.bucket];
  if (buckets > MAX_BUCKETS) {
    throw badInput(`At most ${MAX_BUCKETS} buckets per series; narrow the range or widen the bucket.`, {
      field: 'to',
    });
  }
  const points = await seriesLoader(ctx, deps.database.db).load({
    userId,
    metricType: storedType(args.metricType),
    from: args.from,
    to: args.to,
    bucket: args.bucket,
    timeZone: args.timeZone ?? 'UTC',
  });
  const cumulative = isCumulative(args.metricType);
  return points.map((p) => ({ ...p, sum: cumulative ? p.sum : null }));
}

/** A user's newest sample per type, batched by user. */
export async function latestHealthMetricsOf(
  ctx: RequestContext,
  deps: HealthDeps,
  userId: string,
  args: { metricTypes?: HealthMetricType[] | null },
) {
  const types = [...new Set(args.metricTypes ?? METRIC_TYPE_NAMES)];
  const found = await latestLoader(ctx, deps.database.db).loadMany(
    types.map((t) => ({ userId, metricType: storedType(t) })),
  );
  return found.filter((r): r is HealthMetricRow => r !== null && !(r instanceof Error));
}
