import { sql } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import { type Executor, rows, withinTransaction } from '../../kit/db.js';
import { badInput } from '../../kit/errors.js';
import type { ItemError } from '../../kit/problems.js';
import { sampleInstantProblem } from './date-bounds.js';
import { MAX_VALUE, METRIC_TYPES, type MetricTypeName, type SourceName } from './metric-types.js';
import { addWrittenSamples, lockUserRollup, recomputeHours } from './rollup.js';
import { sampleColumns } from './sample-columns.js';

export const MAX_SAMPLES_PER_CALL = 5000;

export interface SampleInput {
  metricType: MetricTypeName;
  value: number;
  /** The type's unit when left out; any other unit is refused (there are no conversions). */
  unit?: string | null;
  source?: SourceName | null;
  sourceDevice?: string | null;
  recordedAt: Date;
}

/** A refused sample's problem: its index in the batch and the input field at fault (`unit`, `value`). */
export type SampleError = ItemError;

export interface IngestOutcome {
  /** Valid samples written by this call. */
  accepted: number;
  /** Valid samples already stored (same type, source and instant). */
  duplicates: number;
  /** Every problem of every refused sample; those samples were not written. */
  errors: SampleError[];
}

/** Checks every sample and names each problem by index, so a client can fix its batch in one go. */
export function validateSamples(samples: readonly SampleInput[], now: Date): SampleError[] {
  const errors: SampleError[] = [];
  samples.forEach((sample, index) => {
    const spec = METRIC_TYPES[sample.metricType];
    if (!spec) {
      errors.push({
        index,
        field: 'metricType',
        message: `Unknown metric type ${String(sample.metricType)}.`,
      });
      return;
    }
    if (sample.unit != null && sample.unit !== spec.unit) {
      errors.push({
        index,
        field: 'unit',
        message: `${sample.metricType} is recorded in ${spec.unit}, not ${JSON.stringify(sample.unit)}; send ${spec.unit} or leave unit out.`,
      });
    }
    if (typeof sample.value !== 'number' || !Number.isFinite(sample.value)) {
      errors.push({ index, field: 'value', message: 'The value must be a finite number.' });
    } else if (sample.value < 0 || sample.value > MAX_VALUE) {
      errors.push({ index, field: 'value', message: `The value must be between 0 and ${MAX_VALUE}.` });
    }
    const instantProblem = sampleInstantProblem(sample.recordedAt, now);
    if (instantProblem) errors.push({ index, field: 'recordedAt', message: instantProblem });
    if (sample.sourceDevice && sample.sourceDevice.length > 100) {
      errors.push({ index, field: 'sourceDevice', message: 'sourceDevice is longer than 100 characters.' });
    }
  });
  return errors;
}

/**
 * Writes a batch for one user in one INSERT ... SELECT over one array parameter per column
 * (sample-columns.ts), so 5,000 samples cost one round trip and one statement on either driver.
 * A sample whose key (user_id, metric_type, source, recorded_date) is already stored, or taken by
 * an earlier sample of the batch, is a counted no-op. Valid samples are written and refused ones
 * reported by index. The same statement adds them to the hourly rollup where that is a sum
 * (rollup.ts); hours that merge several sources are recomputed by a second one. Run it in a
 * transaction (the callers do): either every valid sample of the call is stored, with its rollup,
 * or (on a failure) none.
 *
 * Stored keys are skipped by a NOT EXISTS, not by ON CONFLICT DO NOTHING: a speculative insertion
 * takes a lock, an extra index probe and an extra WAL record per row, about a sixth of the
 * statement's CPU for 5,000 rows (BENCHMARKS.md, Health). That is safe because every writer of a
 * user's samples holds the user's rollup lock (rollup.ts) for its transaction, and this statement
 * starts after taking it: no key can be stored between its snapshot and its insert. The probe per row is skipped when the
 * user has no sample of the batch's types and sources within the batch's span (one index range),
 * which is how a device's new samples arrive.
 */
export async function ingestSamples(
  executor: Executor,
  clock: Clock,
  userId: string,
  samples: readonly SampleInput[],
): Promise<IngestOutcome> {
  // Too many samples is a problem of the whole call, not of one sample: an error, nothing written.
  if (samples.length > MAX_SAMPLES_PER_CALL) {
    throw badInput(`At most ${MAX_SAMPLES_PER_CALL} samples per call; got ${samples.length}.`, {
      field: 'input',
      max: MAX_SAMPLES_PER_CALL,
    });
  }
  const now = clock.now();
  const errors = validateSamples(samples, now);
  const refused = new Set(errors.map((error) => error.index));
  const valid = samples.length - refused.size;
  if (valid === 0) return { accepted: 0, duplicates: 0, errors };
  const columns = sampleColumns(samples, refused.size > 0 ? (index) => !refused.has(index) : undefined);
  const inserted = await withinTransaction(executor, async (tx) => {
    await lockUserRollup(tx, userId);
    const found = await rows<{
      n: number | string;
      pending: { metric_type: string; hour_start: string }[] | null;
    }>(
      tx,
      sql`WITH written AS (
            INSERT INTO health.health_metrics
              (user_id, metric_type, value, unit, source, source_device, recorded_date, synced_at)
            SELECT ${userId}::uuid, x.t, x.v, x.u, x.s, x.d, x.r, ${now.toISOString()}::timestamptz
            FROM (
              SELECT y.t, y.v, y.u, y.s, y.d, ${columns.base}::timestamptz + y.ms * interval '1 millisecond' AS r
              FROM unnest(${columns.types}::varchar[], ${columns.values}::numeric[], ${columns.units}::varchar[],
                ${columns.sources}::varchar[], ${columns.devices}::varchar[], ${columns.instants}::bigint[])
                AS y(t, v, u, s, d, ms)
            ) x
            WHERE NOT EXISTS (
                SELECT 1 FROM health.health_metrics m
                WHERE m.user_id = ${userId}::uuid AND m.metric_type = ANY(${columns.distinctTypes}::varchar[])
                  AND m.source = ANY(${columns.distinctSources}::varchar[])
                  AND m.recorded_date BETWEEN ${columns.earliest}::timestamptz AND ${columns.latest}::timestamptz
              )
              OR NOT EXISTS (
                SELECT 1 FROM health.health_metrics m
                WHERE m.user_id = ${userId}::uuid AND m.metric_type = x.t AND m.source = x.s AND m.recorded_date = x.r
                  -- The span again, as values: the planner then plans the probe on its months only.
                  AND m.recorded_date BETWEEN ${columns.earliest}::timestamptz AND ${columns.latest}::timestamptz
              )
            RETURNING metric_type, source, value, recorded_date
          ),
          ${addWrittenSamples(userId)}
          SELECT (SELECT count(*)::int FROM written) AS n,
            (SELECT json_agg(p) FROM rollup_pending p) AS pending`,
    );
    // Hours where another source has samples too: merged from the samples, now that they are stored.
    await recomputeHours(
      tx,
      userId,
      (found[0]?.pending ?? []).map((p) => ({ metricType: p.metric_type, at: new Date(p.hour_start) })),
    );
    return found;
  });
  const accepted = Number(inserted[0]?.n ?? 0);
  return { accepted, duplicates: valid - accepted, errors };
}
