import { and, asc, eq, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { batchByArgs, byKey, compositeKey, groupByKey } from '../../kit/loaders.js';
import { anyOf, preparedQuery, rowsByKeys } from '../../kit/prepared.js';
import { pagesPerParent } from '../../kit/pages-per-parent.js';
import type { RequestContext } from '../../kit/subgraph.js';
import { DEFAULT_TIME_ZONE, timeZoneLoader } from '../../kit/time-zones.js';
import {
  type ExerciseRow,
  exercises,
  type HabitLogRow,
  type HabitRow,
  habitLogs,
  habits,
  type TrainerClientRow,
  type TrainerRow,
  trainerClients,
  trainers,
  userTimeZones,
  type WorkoutPlanExerciseRow,
  type WorkoutPlanRow,
  type WorkoutPlanVersionRow,
  type WorkoutSessionRow,
  workoutPlanExercises,
  workoutPlans,
  workoutPlanVersions,
  workoutSessions,
} from './tables.js';

/** Per-request loaders of the training subgraph; each batches across parents into one statement. */

// Each loader's statement, prepared once per executor (kit/prepared.ts).
const trainersByIds = rowsByKeys<TrainerRow>({
  name: 'training.trainerById',
  table: trainers,
  key: trainers.id,
});
const trainersByUserIds = rowsByKeys<TrainerRow>({
  name: 'training.trainerByUserId',
  table: trainers,
  key: trainers.userId,
});
const exercisesByIds = rowsByKeys<ExerciseRow>({
  name: 'training.exerciseById',
  table: exercises,
  key: exercises.id,
});
/**
 * Plans with their latest published version (none before the first publish) in one statement:
 * whoever shows a plan reads that version next (viewPlan), which was a statement of its own.
 */
function plansWithPublished(
  db: Executor,
  ids: readonly string[],
): Promise<{ plan: WorkoutPlanRow; published: WorkoutPlanVersionRow | null }[]> {
  return preparedQuery<{ plan: WorkoutPlanRow; published: WorkoutPlanVersionRow | null }>(
    db,
    'training.planById',
    (on) =>
      on
        .select({ plan: workoutPlans, published: workoutPlanVersions })
        .from(workoutPlans)
        .leftJoin(
          workoutPlanVersions,
          and(
            eq(workoutPlanVersions.workoutPlanId, workoutPlans.id),
            eq(workoutPlanVersions.version, workoutPlans.version),
          ),
        )
        .where(anyOf(workoutPlans.id)),
  ).execute({ keys: [...ids] });
}
const sessionsByIds = rowsByKeys<WorkoutSessionRow>({
  name: 'training.sessionById',
  table: workoutSessions,
  key: workoutSessions.id,
});
const habitsByIds = rowsByKeys<HabitRow>({ name: 'training.habitById', table: habits, key: habits.id });
const trainerClientsByIds = rowsByKeys<TrainerClientRow>({
  name: 'training.trainerClientById',
  table: trainerClients,
  key: trainerClients.id,
});
const linesOfPlans = rowsByKeys<WorkoutPlanExerciseRow>({
  name: 'training.planExercises',
  table: workoutPlanExercises,
  key: workoutPlanExercises.workoutPlanId,
  orderBy: [asc(workoutPlanExercises.sequenceNum)],
});
/** (plan, version) pairs as two parallel arrays: one statement text for any number of pairs. */
const versionsOfPlans = rowsByKeys<WorkoutPlanVersionRow>({
  name: 'training.planVersion',
  table: workoutPlanVersions,
  key: sql`(${workoutPlanVersions.workoutPlanId}, ${workoutPlanVersions.version})`,
  match: sql`in (select * from unnest(${sql.placeholder('planIds')}::uuid[], ${sql.placeholder('versions')}::integer[]))`,
});

export function trainerById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, TrainerRow | null>('training.trainerById', async (ids) => {
    const rows = await trainersByIds(db, ids);
    return byKey(ids, rows, (row) => row.id);
  });
}

/** The trainer profile of a user, verified or not (the table is the source of truth for trainer rights). */
export function trainerByUserId(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, TrainerRow | null>('training.trainerByUserId', async (userIds) => {
    const rows = await trainersByUserIds(db, userIds);
    return byKey(userIds, rows, (row) => row.userId!);
  });
}

export function exerciseById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, ExerciseRow | null>('training.exerciseById', async (ids) => {
    const rows = await exercisesByIds(db, ids);
    return byKey(ids, rows, (row) => row.id);
  });
}

/**
 * Plans by id, soft-deleted ones included: callers decide what a deleted plan means to them. The
 * published versions read with them answer the request's planVersion (a version, once written,
 * never changes).
 */
export function planById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, WorkoutPlanRow | null>('training.planById', async (ids) => {
    const rows = await plansWithPublished(db, ids);
    const versions = planVersion(ctx, db);
    for (const { plan, published } of rows) {
      if (plan.version > 0) versions.prime({ planId: plan.id, version: plan.version }, published);
    }
    return byKey(
      ids,
      rows.map((row) => row.plan),
      (row) => row.id,
    );
  });
}

export interface PlanVersionKey {
  planId: string;
  version: number;
}

/** Published versions by (plan, version). */
export function planVersion(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<PlanVersionKey, WorkoutPlanVersionRow | null, string>(
    'training.planVersion',
    async (keys) => {
      const rows = await versionsOfPlans(db, {
        planIds: keys.map((k) => k.planId),
        versions: keys.map((k) => k.version),
      });
      return byKey(
        keys.map((k) => `${k.planId}:${k.version}`),
        rows,
        (row) => `${row.workoutPlanId}:${row.version}`,
      );
    },
    { cacheKeyFn: (k) => `${k.planId}:${k.version}` },
  );
}

/** The working copy's exercise lines per plan, in sequence order. */
export function planExercises(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, WorkoutPlanExerciseRow[]>('training.planExercises', async (planIds) => {
    const rows = await linesOfPlans(db, planIds);
    return groupByKey(planIds, rows, (row) => row.workoutPlanId);
  });
}

export function sessionById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, WorkoutSessionRow | null>('training.sessionById', async (ids) => {
    const rows = await sessionsByIds(db, ids);
    return byKey(ids, rows, (row) => row.id);
  });
}

export function habitById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, HabitRow | null>('training.habitById', async (ids) => {
    const rows = await habitsByIds(db, ids);
    return byKey(ids, rows, (row) => row.id);
  });
}

/** A user's habits, oldest first; the key says whether archived ones are included. */
export function habitsByUser(ctx: RequestContext, db: Executor) {
  return pagesPerParent<HabitRow, { includeArchived: boolean }>(ctx, db, {
    name: 'training.habitsByUser',
    table: habits,
    parent: habits.userId,
    orderBy: [habits.createdAt, habits.id],
    direction: 'asc',
    where: ({ includeArchived }) => (includeArchived ? undefined : eq(habits.isActive, true)),
  });
}

/** What a habit's streaks are worked out from: the dates it was completed on and its owner's zone. */
export interface StreakInputs {
  completedDates: string[];
  timeZone: string;
}

/**
 * Each habit's completed dates with its owner's zone, in one statement (they were two, one after
 * the other's batch): the dates as text, which is how the date column reads them too.
 */
function streakInputsOfHabits(db: Executor, habitIds: readonly string[]) {
  return preparedQuery<{
    habitId: string;
    userId: string;
    timeZone: string | null;
    completedDates: string[];
  }>(db, 'training.streakInputs', (on) =>
    on
      .select({
        habitId: habits.id,
        userId: habits.userId,
        timeZone: userTimeZones.timeZone,
        completedDates: sql<
          string[]
        >`array(select ${habitLogs.loggedDate}::text from ${habitLogs} where ${habitLogs.habitId} = ${habits.id} and ${habitLogs.completed})`,
      })
      .from(habits)
      .leftJoin(userTimeZones, eq(userTimeZones.userId, habits.userId))
      .where(anyOf(habits.id)),
  ).execute({ keys: [...habitIds] });
}

/**
 * A habit's completed dates and its owner's zone (null for a habit that is gone): what its streaks
 * and completion rate are computed from. The zones read answer the request's other zone look-ups too.
 */
export function streakInputs(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, StreakInputs | null>('training.streakInputs', async (habitIds) => {
    const rows = await streakInputsOfHabits(db, habitIds);
    const zones = timeZoneLoader(ctx, db, userTimeZones);
    const found = new Map<string, StreakInputs>();
    for (const row of rows) {
      const timeZone = row.timeZone ?? DEFAULT_TIME_ZONE;
      zones.prime(row.userId, timeZone);
      found.set(row.habitId, { completedDates: row.completedDates, timeZone });
    }
    return habitIds.map((id) => found.get(id) ?? null);
  });
}

export interface HabitLogsKey {
  habitId: string;
  from: string;
  to: string;
}

/** The logs of some habits in a date range, oldest first: the range's dates are parameters too. */
function logsOfHabitsInRange(db: Executor, habitIds: string[], from: string, to: string) {
  return preparedQuery<HabitLogRow>(db, 'training.habitLogsInRange', (on) =>
    on
      .select()
      .from(habitLogs)
      .where(
        and(
          anyOf(habitLogs.habitId),
          gte(habitLogs.loggedDate, sql.placeholder('from')),
          lte(habitLogs.loggedDate, sql.placeholder('to')),
        ),
      )
      .orderBy(asc(habitLogs.loggedDate)),
  ).execute({ keys: habitIds, from, to });
}

/** Logs of a habit in a date range; keys with the same range share one statement. */
export function habitLogsInRange(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<HabitLogsKey, HabitLogRow[], string>(
    'training.habitLogsInRange',
    (keys) =>
      batchByArgs(
        keys,
        ({ habitId, from, to }) => ({ parent: habitId, args: { from, to } }),
        async (ids, { from, to }) => {
          const rows = await logsOfHabitsInRange(db, ids, from, to);
          const lists = groupByKey(ids, rows, (row) => row.habitId);
          return new Map(ids.map((id, i) => [id, lists[i]!]));
        },
        () => [],
      ),
    { cacheKeyFn: (k) => compositeKey({ ...k }) },
  );
}

export interface SessionsFilter {
  status: string | null;
  /** ISO instants, so equal filters compare equal in the loader's key. */
  startedFrom: string | null;
  startedBefore: string | null;
}

/** One page of sessions per user, newest first: every user of a GraphQL page in one statement. */
export function sessionsPage(ctx: RequestContext, db: Executor) {
  return pagesPerParent<WorkoutSessionRow, SessionsFilter>(ctx, db, {
    name: 'training.sessionsPage',
    table: workoutSessions,
    parent: workoutSessions.userId,
    orderBy: [workoutSessions.startedAt, workoutSessions.id],
    direction: 'desc',
    where: (filter) =>
      and(
        filter.status ? eq(workoutSessions.status, filter.status) : undefined,
        filter.startedFrom ? gte(workoutSessions.startedAt, new Date(filter.startedFrom)) : undefined,
        filter.startedBefore ? lt(workoutSessions.startedAt, new Date(filter.startedBefore)) : undefined,
      ),
  });
}

/** One page of plans per trainer, newest first, drafts only when the key asks for them. */
export function trainerPlansPage(ctx: RequestContext, db: Executor) {
  return pagesPerParent<WorkoutPlanRow, { includeDrafts: boolean }>(ctx, db, {
    name: 'training.trainerPlansPage',
    table: workoutPlans,
    parent: workoutPlans.trainerId,
    orderBy: [workoutPlans.createdAt, workoutPlans.id],
    direction: 'desc',
    where: ({ includeDrafts }) =>
      and(isNull(workoutPlans.deletedAt), includeDrafts ? undefined : eq(workoutPlans.isPublished, true)),
  });
}

/** Coaching relationships by id, ended ones included (callers decide what an ended one grants). */
export function trainerClientById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, TrainerClientRow | null>('training.trainerClientById', async (ids) => {
    const rows = await trainerClientsByIds(db, ids);
    return byKey(ids, rows, (row) => row.id);
  });
}

export interface TrainerClientPair {
  trainerId: string;
  userId: string;
}

/** The active relationship of a (trainer, client) pair, or null. */
export function activeTrainerClientByPair(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<TrainerClientPair, TrainerClientRow | null, string>(
    'training.activeTrainerClientByPair',
    async (pairs) => {
      const rows = await db
        .select()
        .from(trainerClients)
        .where(
          and(
            isNull(trainerClients.endedAt),
            or(
              ...pairs.map((p) =>
                and(eq(trainerClients.trainerId, p.trainerId), eq(trainerClients.userId, p.userId)),
              ),
            ),
          ),
        );
      return byKey(
        pairs.map((p) => `${p.trainerId}:${p.userId}`),
        rows,
        (row) => `${row.trainerId}:${row.userId}`,
      );
    },
    { cacheKeyFn: (p) => `${p.trainerId}:${p.userId}` },
  );
}

/** A page of each trainer's active clients, newest first (the trainer_clients_trainer_active_idx index). */
export function clientsByTrainer(ctx: RequestContext, db: Executor) {
  return pagesPerParent<TrainerClientRow>(ctx, db, {
    name: 'training.clientsByTrainer',
    table: trainerClients,
    parent: trainerClients.trainerId,
    orderBy: [trainerClients.startedAt, trainerClients.id],
    direction: 'desc',
    where: () => isNull(trainerClients.endedAt),
  });
}

/** A user's active coaching relationships (as the client), newest first. */
export function coachesByUser(ctx: RequestContext, db: Executor) {
  return pagesPerParent<TrainerClientRow>(ctx, db, {
    name: 'training.coachesByUser',
    table: trainerClients,
    parent: trainerClients.userId,
    orderBy: [trainerClients.startedAt, trainerClients.id],
    direction: 'desc',
    where: () => isNull(trainerClients.endedAt),
  });
}
