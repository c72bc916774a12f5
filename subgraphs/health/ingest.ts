import { sql } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import { type Executor, rows } from '../../kit/db.js';
import { badInput } from '../../kit/errors.js';
import type { ItemError } from '../../kit/problems.js';
import { sampleInstantProblem } from './date-bounds.js';
import { MAX_VALUE, METRIC_TYPES, type MetricTypeName, SOURCES, type SourceName } from './metric-types.js';

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
 * Writes a batch for one user in one INSERT ... SELECT over a single JSON parameter, so 5,000
 * samples cost one round trip and one statement on either driver. The unique key
 * (user_id, metric_type, source, recorded_date) turns a re-sent sample into a counted no-op.
 * Valid samples are written and refused ones reported by index; the one statement is atomic, so
 * either every valid sample of the call is stored or (on a failure) none.
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
  const valid = samples.filter((_, index) => !refused.has(index));
  if (valid.length === 0) return { accepted: 0, duplicates: 0, errors };
  const payload = JSON.stringify(
    valid.map((s) => ({
      t: METRIC_TYPES[s.metricType].stored,
      v: Math.round(s.value * 100) / 100,
      u: METRIC_TYPES[s.metricType].unit,
      s: SOURCES[s.source ?? 'MANUAL'],
      d: s.sourceDevice ?? null,
      r: s.recordedAt.toISOString(),
    })),
  );
  const inserted = await rows<{ n: number | string }>(
    executor,
    sql`WITH written AS (
          INSERT INTO health.health_metrics
            (user_id, metric_type, value, unit, source, source_device, recorded_date, synced_at)
          SELECT ${userId}::uuid, x.t, x.v, x.u, x.s, x.d, x.r, ${now.toISOString()}::timestamptz
          FROM jsonb_to_recordset(${payload}::jsonb)
            AS x(t varchar, v numeric, u varchar, s varchar, d varchar, r timestamptz)
          ON CONFLICT (user_id, metric_type, source, recorded_date) DO NOTHING
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM written`,
  );
  const accepted = Number(inserted[0]?.n ?? 0);
  return { accepted, duplicates: valid.length - accepted, errors };
}
