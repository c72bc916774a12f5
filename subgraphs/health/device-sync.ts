import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import { type Executor, rows } from '../../kit/db.js';
import { badInput, ErrorCode } from '../../kit/errors.js';
import { MAX_SAMPLES_PER_CALL, validateSamples } from './ingest.js';
import { type DeviceSourceName, METRIC_TYPES, type MetricTypeName, SOURCES } from './metric-types.js';
import { type DeviceSyncStateRow, deviceSyncState } from './tables.js';
import { lockUserRollup, type RollupHour, recomputeHours } from './rollup.js';

/**
 * The on-device sync protocol (syncDeviceHealthData): the mobile app reads HealthKit or Health
 * Connect and sends what changed since the anchor it last committed, in batches.
 *
 *  - Every sample carries its source record id (HealthKit UUID, Health Connect record id): the
 *    idempotency key. The same id again with the same content is a duplicate (a no-op); the same
 *    id with other content is refused as an item problem RECORD_CHANGED (the first version stands;
 *    the app sends a changed record as a deletion of the old id and a new id).
 *  - A record id of another type, source or instant cannot share the unique sample key
 *    (user, type, source, instant) with a stored sample: such a sample is refused as INSTANT_TAKEN,
 *    unless the stored one has the same value and no record id yet (sent before through
 *    recordHealthMetrics): then it is adopted as that record, a duplicate.
 *  - Deleted record ids become retractions (health_metric_retractions): the sample stays in
 *    health_metrics (rows are immutable) and every reader leaves it out. A record id that arrives
 *    after its deletion is not stored (a duplicate).
 *  - The batch names the anchor it starts from (null on the first sync) and the anchor to commit.
 *    The anchor moves in the transaction that stores the samples and retractions, only when the
 *    stored anchor is the one the batch names; otherwise nothing is written and the answer is
 *    HealthSyncAnchorStale with the stored anchor. Refused items do not hold the anchor back.
 *
 * Known limitation: a retracted sample keeps its (type, source, instant) key, so a new version of
 * a record at the same instant is refused as INSTANT_TAKEN (docs/domains.md).
 */

export const MAX_DELETIONS_PER_CALL = 5000;
export const MAX_RECORD_ID_LENGTH = 128;
export const MAX_ANCHOR_LENGTH = 4096;

export interface DeviceSampleInput {
  sourceRecordId: string;
  metricType: MetricTypeName;
  value: number;
  unit?: string | null;
  sourceDevice?: string | null;
  recordedAt: Date;
}

export interface DeviceSyncInput {
  source: DeviceSourceName;
  anchor?: string | null;
  nextAnchor: string;
  samples?: readonly DeviceSampleInput[] | null;
  deletedSourceRecordIds?: readonly string[] | null;
}

/** A refused sample of a batch; code is the ErrorCode an error about it would carry. */
export interface DeviceSampleProblem {
  index: number;
  field: string;
  message: string;
  code: ErrorCode;
  reason: 'INVALID' | 'RECORD_CHANGED' | 'INSTANT_TAKEN';
}

export type DeviceSyncOutcome =
  | {
      kind: 'synced';
      anchor: string;
      accepted: number;
      duplicates: number;
      retracted: number;
      errors: DeviceSampleProblem[];
      /** The samples written by this call, for the live announcement. */
      stored: { recordedAt: Date }[];
    }
  | { kind: 'stale'; currentAnchor: string | null };

function checkCall(input: DeviceSyncInput): void {
  const samples = input.samples ?? [];
  const deleted = input.deletedSourceRecordIds ?? [];
  if (samples.length > MAX_SAMPLES_PER_CALL) {
    throw badInput(`At most ${MAX_SAMPLES_PER_CALL} samples per call; got ${samples.length}.`, {
      field: 'input.samples',
      max: MAX_SAMPLES_PER_CALL,
    });
  }
  if (deleted.length > MAX_DELETIONS_PER_CALL) {
    throw badInput(`At most ${MAX_DELETIONS_PER_CALL} deleted record ids per call; got ${deleted.length}.`, {
      field: 'input.deletedSourceRecordIds',
      max: MAX_DELETIONS_PER_CALL,
    });
  }
  for (const [field, value] of [
    ['input.anchor', input.anchor],
    ['input.nextAnchor', input.nextAnchor],
  ] as const) {
    if (value != null && (value.length === 0 || value.length > MAX_ANCHOR_LENGTH)) {
      throw badInput(`An anchor is 1 to ${MAX_ANCHOR_LENGTH} characters.`, { field });
    }
  }
  const badId = deleted.findIndex((id) => id.length === 0 || id.length > MAX_RECORD_ID_LENGTH);
  if (badId !== -1) {
    throw badInput(`A source record id is 1 to ${MAX_RECORD_ID_LENGTH} characters.`, {
      field: `input.deletedSourceRecordIds.${badId}`,
    });
  }
}

/** Each sample's problems: the checks of recordHealthMetrics, its record id, and repeats in the batch. */
function sampleProblems(samples: readonly DeviceSampleInput[], now: Date): DeviceSampleProblem[] {
  const invalid = (index: number, field: string, message: string): DeviceSampleProblem => ({
    index,
    field,
    message,
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'INVALID',
  });
  const problems = validateSamples(samples, now).map((e) => invalid(e.index, e.field, e.message));
  const ids = new Map<string, number>();
  const instants = new Map<string, number>();
  samples.forEach((sample, index) => {
    const id = sample.sourceRecordId;
    if (id.length === 0 || id.length > MAX_RECORD_ID_LENGTH) {
      problems.push(
        invalid(index, 'sourceRecordId', `A source record id is 1 to ${MAX_RECORD_ID_LENGTH} characters.`),
      );
      return;
    }
    const first = ids.get(id);
    if (first !== undefined) {
      problems.push(
        invalid(index, 'sourceRecordId', `The record id is sent twice in this batch (first at ${first}).`),
      );
      return;
    }
    ids.set(id, index);
    const instant = `${sample.metricType}/${sample.recordedAt.getTime()}`;
    const taken = instants.get(instant);
    if (taken !== undefined) {
      problems.push({
        index,
        field: 'recordedAt',
        message: `Sample ${taken} of this batch already has this type and instant; one sample per type, source and instant is kept.`,
        code: ErrorCode.CONFLICT,
        reason: 'INSTANT_TAKEN',
      });
      return;
    }
    instants.set(instant, index);
  });
  return problems;
}

/**
 * Moves the anchor from `from` to `to` for (user, source), or reports the stored anchor when it
 * is not `from`. The row stays locked until the transaction ends, so concurrent batches of one
 * source run one after the other, and the later one, naming the old anchor, is refused.
 */
async function advanceAnchor(
  tx: Executor,
  userId: string,
  source: string,
  from: string | null,
  to: string,
  now: Date,
): Promise<{ moved: true } | { moved: false; current: string | null }> {
  const at = now.toISOString();
  // First sync: the row must not exist; later: the row must hold `from`. A concurrent batch waits
  // for the row's lock and then finds the anchor moved (UPDATE re-checks its condition).
  const moved =
    from === null
      ? await rows<{ anchor: string }>(
          tx,
          sql`INSERT INTO health.device_sync_state (user_id, source, anchor, updated_at)
              VALUES (${userId}::uuid, ${source}, ${to}, ${at}::timestamptz)
              ON CONFLICT (user_id, source) DO NOTHING
              RETURNING anchor`,
        )
      : await rows<{ anchor: string }>(
          tx,
          sql`UPDATE health.device_sync_state SET anchor = ${to}, updated_at = ${at}::timestamptz
              WHERE user_id = ${userId}::uuid AND source = ${source} AND anchor = ${from}
              RETURNING anchor`,
        );
  if (moved.length > 0) return { moved: true };
  const [current] = await tx
    .select({ anchor: deviceSyncState.anchor })
    .from(deviceSyncState)
    .where(sql`${deviceSyncState.userId} = ${userId}::uuid AND ${deviceSyncState.source} = ${source}`);
  return { moved: false, current: current?.anchor ?? null };
}

type ItemStatus = 'accepted' | 'duplicate' | 'changed' | 'taken';

/**
 * Stores a batch's valid samples in one statement: record ids already known are duplicates (or
 * RECORD_CHANGED), retracted ones are skipped, a stored sample at the same key with the same
 * value and no record id is adopted, and the rest are inserted and linked to their record id.
 */
async function storeSamples(
  tx: Executor,
  userId: string,
  source: string,
  samples: readonly { index: number; sample: DeviceSampleInput }[],
  now: Date,
): Promise<Map<number, ItemStatus>> {
  const payload = JSON.stringify(
    samples.map(({ index, sample }) => ({
      i: index,
      k: sample.sourceRecordId,
      t: METRIC_TYPES[sample.metricType].stored,
      v: Math.round(sample.value * 100) / 100,
      u: METRIC_TYPES[sample.metricType].unit,
      d: sample.sourceDevice ?? null,
      r: sample.recordedAt.toISOString(),
    })),
  );
  const found = await rows<{ i: number; status: ItemStatus }>(
    tx,
    sql`WITH x AS (
          SELECT * FROM jsonb_to_recordset(${payload}::jsonb)
            AS x(i int, k varchar, t varchar, v numeric, u varchar, d varchar, r timestamptz)
        ),
        known AS (
          SELECT x.i, (ds.metric_type = x.t AND ds.value = x.v AND ds.recorded_date = x.r) AS same
          FROM x JOIN health.device_samples ds
            ON ds.user_id = ${userId}::uuid AND ds.source = ${source} AND ds.source_record_id = x.k
        ),
        gone AS (
          SELECT x.i FROM x JOIN health.health_metric_retractions r
            ON r.user_id = ${userId}::uuid AND r.source = ${source} AND r.source_record_id = x.k
        ),
        occupied AS (
          SELECT x.i, m.id, (m.value = x.v AND NOT EXISTS (
              SELECT 1 FROM health.device_samples ds WHERE ds.metric_id = m.id
            )) AS adoptable
          FROM x JOIN health.health_metrics m
            ON m.user_id = ${userId}::uuid AND m.metric_type = x.t AND m.source = ${source} AND m.recorded_date = x.r
          WHERE x.i NOT IN (SELECT i FROM known) AND x.i NOT IN (SELECT i FROM gone)
        ),
        fresh AS (
          SELECT x.* FROM x
          WHERE x.i NOT IN (SELECT i FROM known) AND x.i NOT IN (SELECT i FROM gone)
            AND x.i NOT IN (SELECT i FROM occupied)
        ),
        written AS (
          INSERT INTO health.health_metrics
            (user_id, metric_type, value, unit, source, source_device, recorded_date, synced_at)
          SELECT ${userId}::uuid, f.t, f.v, f.u, ${source}, f.d, f.r, ${now.toISOString()}::timestamptz
          FROM fresh f
          ON CONFLICT (user_id, metric_type, source, recorded_date) DO NOTHING
          RETURNING id, metric_type, recorded_date
        ),
        linked AS (
          INSERT INTO health.device_samples
            (user_id, source, source_record_id, metric_id, metric_type, value, recorded_date, created_at)
          SELECT ${userId}::uuid, ${source}, x.k, w.id, x.t, x.v, x.r, ${now.toISOString()}::timestamptz
          FROM written w JOIN x ON x.t = w.metric_type AND x.r = w.recorded_date
          UNION ALL
          SELECT ${userId}::uuid, ${source}, x.k, o.id, x.t, x.v, x.r, ${now.toISOString()}::timestamptz
          FROM occupied o JOIN x ON x.i = o.i
          WHERE o.adoptable
          RETURNING 1
        )
        SELECT x.i, CASE
            WHEN kn.i IS NOT NULL THEN CASE WHEN kn.same THEN 'duplicate' ELSE 'changed' END
            WHEN g.i IS NOT NULL THEN 'duplicate'
            WHEN o.i IS NOT NULL THEN CASE WHEN o.adoptable THEN 'duplicate' ELSE 'taken' END
            WHEN w.id IS NOT NULL THEN 'accepted'
            ELSE 'taken'
          END AS status
        FROM x
        LEFT JOIN known kn ON kn.i = x.i
        LEFT JOIN gone g ON g.i = x.i
        LEFT JOIN occupied o ON o.i = x.i
        LEFT JOIN written w ON w.metric_type = x.t AND w.recorded_date = x.r`,
  );
  return new Map(found.map((r) => [Number(r.i), r.status]));
}

/**
 * Records deleted record ids (after the batch's samples, so a batch may add and delete one);
 * returns how many are new and the rollup hours of the stored samples they retract.
 */
async function retract(
  tx: Executor,
  userId: string,
  source: string,
  ids: readonly string[],
  now: Date,
): Promise<{ count: number; hours: RollupHour[] }> {
  if (ids.length === 0) return { count: 0, hours: [] };
  const [row] = await rows<{ n: number; hours: { t: string; a: string }[] | null }>(
    tx,
    sql`WITH added AS (
          INSERT INTO health.health_metric_retractions
            (user_id, source, source_record_id, metric_id, recorded_date, retracted_at)
          SELECT ${userId}::uuid, ${source}, k.id, ds.metric_id, ds.recorded_date, ${now.toISOString()}::timestamptz
          FROM (SELECT DISTINCT unnest(ARRAY[${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )}]::varchar[]) AS id) k
          LEFT JOIN health.device_samples ds
            ON ds.user_id = ${userId}::uuid AND ds.source = ${source} AND ds.source_record_id = k.id
          ON CONFLICT (user_id, source, source_record_id) DO NOTHING
          RETURNING source_record_id
        )
        SELECT (SELECT count(*)::int FROM added) AS n,
          (SELECT json_agg(json_build_object('t', ds.metric_type, 'a', ds.recorded_date))
           FROM added JOIN health.device_samples ds
             ON ds.user_id = ${userId}::uuid AND ds.source = ${source} AND ds.source_record_id = added.source_record_id
          ) AS hours`,
  );
  return {
    count: Number(row?.n ?? 0),
    hours: (row?.hours ?? []).map((h) => ({ metricType: h.t, at: new Date(h.a) })),
  };
}

/** One batch of the protocol, in the caller's transaction. */
export async function syncDeviceBatch(
  tx: Executor,
  clock: Clock,
  userId: string,
  input: DeviceSyncInput,
): Promise<DeviceSyncOutcome> {
  checkCall(input);
  const source = SOURCES[input.source];
  const now = clock.now();
  // Before the anchor's row lock, as every writer of the user's samples takes it first.
  await lockUserRollup(tx, userId);
  const anchor = await advanceAnchor(tx, userId, source, input.anchor ?? null, input.nextAnchor, now);
  if (!anchor.moved) return { kind: 'stale', currentAnchor: anchor.current };
  const samples = input.samples ?? [];
  const problems = sampleProblems(samples, now);
  const refused = new Set(problems.map((p) => p.index));
  const valid = samples.flatMap((sample, index) => (refused.has(index) ? [] : [{ index, sample }]));
  const statuses = valid.length > 0 ? await storeSamples(tx, userId, source, valid, now) : new Map();
  let accepted = 0;
  let duplicates = 0;
  const stored: { recordedAt: Date }[] = [];
  for (const { index, sample } of valid) {
    const status = statuses.get(index);
    if (status === 'accepted') {
      accepted += 1;
      stored.push(sample);
    } else if (status === 'duplicate') duplicates += 1;
    else if (status === 'changed') {
      problems.push({
        index,
        field: 'sourceRecordId',
        message:
          'This record id was stored before with another type, value or instant; a record is kept as first sent. Send the change as a deletion of this id and a new id.',
        code: ErrorCode.CONFLICT,
        reason: 'RECORD_CHANGED',
      });
    } else {
      problems.push({
        index,
        field: 'recordedAt',
        message: `Another ${input.source} sample of this type is stored at this instant; one sample per type, source and instant is kept.`,
        code: ErrorCode.CONFLICT,
        reason: 'INSTANT_TAKEN',
      });
    }
  }
  const retraction = await retract(tx, userId, source, input.deletedSourceRecordIds ?? [], now);
  const retracted = retraction.count;
  // The rollup's hours this batch changed: its new samples' and its retracted samples'.
  await recomputeHours(tx, userId, [
    ...valid
      .filter(({ index }) => statuses.get(index) === 'accepted')
      .map(({ sample }) => ({ metricType: METRIC_TYPES[sample.metricType].stored, at: sample.recordedAt })),
    ...retraction.hours,
  ]);
  problems.sort((a, b) => a.index - b.index);
  return {
    kind: 'synced',
    anchor: input.nextAnchor,
    accepted,
    duplicates,
    retracted,
    errors: problems,
    stored,
  };
}

/** The anchors the user's app last committed, per on-device source (none before the first sync). */
export async function syncStatesOf(db: Executor, userId: string): Promise<DeviceSyncStateRow[]> {
  return db.select().from(deviceSyncState).where(eq(deviceSyncState.userId, userId));
}
