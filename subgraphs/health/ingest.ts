import { sql } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import { type Executor, rows } from '../../kit/db.js';
import { sampleInstantProblem } from './date-bounds.js';
import { MAX_VALUE, METRIC_TYPES, type MetricTypeName, SOURCES, type SourceName } from './metric-types.js';

export const MAX_SAMPLES_PER_CALL = 5000;

export interface SampleInput {
  metricType: MetricTypeName;
  value: number;
  unit: string;
  source?: SourceName | null;
  sourceDevice?: string | null;
  recordedDate: Date;
}

export interface SampleError {
  index: number;
  field: string;
  message: string;
}

export type IngestOutcome =
  | { kind: 'written'; accepted: number; duplicates: number }
  | { kind: 'invalid'; errors: SampleError[] };

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
    if (sample.unit !== spec.unit) {
      errors.push({
        index,
        field: 'unit',
        message: `${sample.metricType} is recorded in ${spec.unit}, not ${sample.unit}.`,
      });
    }
    if (typeof sample.value !== 'number' || !Number.isFinite(sample.value)) {
      errors.push({ index, field: 'value', message: 'The value must be a finite number.' });
    } else if (sample.value < 0 || sample.value > MAX_VALUE) {
      errors.push({ index, field: 'value', message: `The value must be between 0 and ${MAX_VALUE}.` });
    }
    const instantProblem = sampleInstantProblem(sample.recordedDate, now);
    if (instantProblem) errors.push({ index, field: 'recordedDate', message: instantProblem });
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
 */
export async function ingestSamples(
  executor: Executor,
  clock: Clock,
  userId: string,
  samples: readonly SampleInput[],
): Promise<IngestOutcome> {
  if (samples.length === 0) return { kind: 'written', accepted: 0, duplicates: 0 };
  if (samples.length > MAX_SAMPLES_PER_CALL) {
    return {
      kind: 'invalid',
      errors: [
        {
          index: MAX_SAMPLES_PER_CALL,
          field: 'input',
          message: `At most ${MAX_SAMPLES_PER_CALL} samples per call.`,
        },
      ],
    };
  }
  const now = clock.now();
  const errors = validateSamples(samples, now);
  if (errors.length > 0) return { kind: 'invalid', errors };
  const payload = JSON.stringify(
    samples.map((s) => ({
      t: METRIC_TYPES[s.metricType].stored,
      v: Math.round(s.value * 100) / 100,
      u: s.unit,
      s: SOURCES[s.source ?? 'MANUAL'],
      d: s.sourceDevice ?? null,
      r: s.recordedDate.toISOString(),
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
  return { kind: 'written', accepted, duplicates: samples.length - accepted };
}
