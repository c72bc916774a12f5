import { and, asc, eq, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { batchByArgs, byKey, compositeKey, groupByKey } from '../../kit/loaders.js';
import { pagesPerParent } from '../../kit/pages-per-parent.js';
import type { RequestContext } from '../../kit/subgraph.js';
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

export function trainerById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, TrainerRow | null>('training.trainerById', async (ids) => {
    const rows = await db
      .select()
      .from(trainers)
      .where(inArray(trainers.id, [...ids]));
    return byKey(ids, rows, (row) => row.id);
  });
}

/** The trainer profile of a user, verified or not (the table is the source of truth for trainer rights). */
export function trainerByUserId(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, TrainerRow | null>('training.trainerByUserId', async (userIds) => {
    const rows = await db
      .select()
      .from(trainers)
      .where(inArray(trainers.userId, [...userIds]));
    return byKey(userIds, rows, (row) => row.userId!);
  });
}

export function exerciseById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, ExerciseRow | null>('training.exerciseById', async (ids) => {
    const rows = await db
      .select()
      .from(exercises)
      .where(inArray(exercises.id, [...ids]));
    return byKey(ids, rows, (row) => row.id);
  });
}

/** Plans by id, soft-deleted ones included: callers decide what a deleted plan means to them. */
export function planById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, WorkoutPlanRow | null>('training.planById', async (ids) => {
    const rows = await db
      .select()
      .from(workoutPlans)
      .where(inArray(workoutPlans.id, [...ids]));
    return byKey(ids, rows, (row) => row.id);
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
      const rows = await db
        .select()
        .from(workoutPlanVersions)
        .where(
          or(
            ...keys.map((k) =>
              and(
                eq(workoutPlanVersions.workoutPlanId, k.planId),
                eq(workoutPlanVersions.version, k.version),
              ),
            ),
          ),
        );
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
    const rows = await db
      .select()
      .from(workoutPlanExercises)
      .where(inArray(workoutPlanExercises.workoutPlanId, [...planIds]))
      .orderBy(asc(workoutPlanExercises.sequenceNum));
    return groupByKey(planIds, rows, (row) => row.workoutPlanId);
  });
}

export function sessionById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, WorkoutSessionRow | null>('training.sessionById', async (ids) => {
    const rows = await db
      .select()
      .from(workoutSessions)
      .where(inArray(workoutSessions.id, [...ids]));
    return byKey(ids, rows, (row) => row.id);
  });
}

export function habitById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, HabitRow | null>('training.habitById', async (ids) => {
    const rows = await db
      .select()
      .from(habits)
      .where(inArray(habits.id, [...ids]));
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

/** Every date a habit was completed on: what both streaks are computed from. */
export function habitCompletedDates(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, string[]>('training.habitCompletedDates', async (habitIds) => {
    const rows = await db
      .select({ habitId: habitLogs.habitId, loggedDate: habitLogs.loggedDate })
      .from(habitLogs)
      .where(and(inArray(habitLogs.habitId, [...habitIds]), eq(habitLogs.completed, true)));
    return groupByKey(habitIds, rows, (row) => row.habitId).map((list) => list.map((row) => row.loggedDate));
  });
}

export interface HabitLogsKey {
  habitId: string;
  from: string;
  to: string;
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
          const rows = await db
            .select()
            .from(habitLogs)
            .where(
              and(
                inArray(habitLogs.habitId, ids),
                gte(habitLogs.loggedDate, from),
                lte(habitLogs.loggedDate, to),
              ),
            )
            .orderBy(asc(habitLogs.loggedDate));
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
    const rows = await db
      .select()
      .from(trainerClients)
      .where(inArray(trainerClients.id, [...ids]));
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
