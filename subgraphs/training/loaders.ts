import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { byKey, compositeKey, groupByKey } from '../../kit/loaders.js';
import { decodeCursor, type Page, toPage } from '../../kit/pagination.js';
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
export function habitsByUser(ctx: RequestContext, db: Executor, includeArchived: boolean) {
  return ctx.loaders.get<string, HabitRow[]>(`training.habitsByUser:${includeArchived}`, async (userIds) => {
    const rows = await db
      .select()
      .from(habits)
      .where(
        includeArchived
          ? inArray(habits.userId, [...userIds])
          : and(inArray(habits.userId, [...userIds]), eq(habits.isActive, true)),
      )
      .orderBy(asc(habits.createdAt), asc(habits.id));
    return groupByKey(userIds, rows, (row) => row.userId);
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
    async (keys) => {
      const byRange = new Map<string, HabitLogsKey[]>();
      for (const key of keys) {
        const range = `${key.from}:${key.to}`;
        byRange.set(range, [...(byRange.get(range) ?? []), key]);
      }
      const results = new Map<string, HabitLogRow[]>();
      await Promise.all(
        [...byRange.values()].map(async (group) => {
          const { from, to } = group[0]!;
          const ids = group.map((k) => k.habitId);
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
          groupByKey(ids, rows, (row) => row.habitId).forEach((list, i) => {
            results.set(compositeKey({ ...group[i]! }), list);
          });
        }),
      );
      return keys.map((key) => results.get(compositeKey({ ...key })) ?? []);
    },
    { cacheKeyFn: (k) => compositeKey({ ...k }) },
  );
}

export interface SessionsPageKey {
  userId: string;
  status: string | null;
  startedFrom: string | null;
  startedBefore: string | null;
  limit: number;
  after: string | null;
}

const sessionCursor = (row: WorkoutSessionRow) => [row.startedAt.toISOString(), row.id];

/**
 * One page of sessions per user. Keys that differ only by user share one statement: a window
 * function numbers each user's rows, so a page of 50 users is still one query.
 */
export function sessionsPage(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<SessionsPageKey, Page<WorkoutSessionRow>, string>(
    'training.sessionsPage',
    async (keys) => {
      const groups = new Map<string, SessionsPageKey[]>();
      for (const key of keys) {
        const { userId: _userId, ...rest } = key;
        const group = compositeKey(rest);
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const pages = new Map<string, Page<WorkoutSessionRow>>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const first = group[0]!;
          const conditions: SQL[] = [
            inArray(
              workoutSessions.userId,
              group.map((k) => k.userId),
            ),
          ];
          if (first.status) conditions.push(eq(workoutSessions.status, first.status));
          if (first.startedFrom) conditions.push(gte(workoutSessions.startedAt, new Date(first.startedFrom)));
          if (first.startedBefore)
            conditions.push(lt(workoutSessions.startedAt, new Date(first.startedBefore)));
          const cursor = decodeCursor(first.after, ['timestamp', 'uuid']);
          if (cursor) {
            conditions.push(
              sql`(${workoutSessions.startedAt}, ${workoutSessions.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`,
            );
          }
          const ranked = db
            .select({
              id: workoutSessions.id,
              position:
                sql<number>`row_number() over (partition by ${workoutSessions.userId} order by ${workoutSessions.startedAt} desc, ${workoutSessions.id} desc)`.as(
                  'position',
                ),
            })
            .from(workoutSessions)
            .where(and(...conditions))
            .as('ranked');
          const rows = await db
            .select({ session: workoutSessions })
            .from(ranked)
            .innerJoin(workoutSessions, eq(workoutSessions.id, ranked.id))
            .where(lte(ranked.position, first.limit + 1))
            .orderBy(desc(workoutSessions.startedAt), desc(workoutSessions.id));
          const perUser = groupByKey(
            group.map((k) => k.userId),
            rows.map((r) => r.session),
            (row) => row.userId,
          );
          group.forEach((key, i) => {
            pages.set(compositeKey({ ...key }), toPage(perUser[i]!, key.limit, sessionCursor));
          });
        }),
      );
      return keys.map((key) => pages.get(compositeKey({ ...key }))!);
    },
    { cacheKeyFn: (k) => compositeKey({ ...k }) },
  );
}

export interface TrainerPlansKey {
  trainerId: string;
  includeDrafts: boolean;
  limit: number;
  after: string | null;
}

const planCursor = (row: WorkoutPlanRow) => [row.createdAt.toISOString(), row.id];

/** One page of plans per trainer, newest first, batched like sessionsPage. */
export function trainerPlansPage(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<TrainerPlansKey, Page<WorkoutPlanRow>, string>(
    'training.trainerPlansPage',
    async (keys) => {
      const groups = new Map<string, TrainerPlansKey[]>();
      for (const key of keys) {
        const { trainerId: _trainerId, ...rest } = key;
        const group = compositeKey(rest);
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const pages = new Map<string, Page<WorkoutPlanRow>>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const first = group[0]!;
          const conditions: SQL[] = [
            inArray(
              workoutPlans.trainerId,
              group.map((k) => k.trainerId),
            ),
            sql`${workoutPlans.deletedAt} is null`,
          ];
          if (!first.includeDrafts) conditions.push(eq(workoutPlans.isPublished, true));
          const cursor = decodeCursor(first.after, ['timestamp', 'uuid']);
          if (cursor) {
            conditions.push(
              sql`(${workoutPlans.createdAt}, ${workoutPlans.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`,
            );
          }
          const ranked = db
            .select({
              id: workoutPlans.id,
              position:
                sql<number>`row_number() over (partition by ${workoutPlans.trainerId} order by ${workoutPlans.createdAt} desc, ${workoutPlans.id} desc)`.as(
                  'position',
                ),
            })
            .from(workoutPlans)
            .where(and(...conditions))
            .as('ranked');
          const rows = await db
            .select({ plan: workoutPlans })
            .from(ranked)
            .innerJoin(workoutPlans, eq(workoutPlans.id, ranked.id))
            .where(lte(ranked.position, first.limit + 1))
            .orderBy(desc(workoutPlans.createdAt), desc(workoutPlans.id));
          const perTrainer = groupByKey(
            group.map((k) => k.trainerId),
            rows.map((r) => r.plan),
            (row) => row.trainerId,
          );
          group.forEach((key, i) => {
            pages.set(compositeKey({ ...key }), toPage(perTrainer[i]!, key.limit, planCursor));
          });
        }),
      );
      return keys.map((key) => pages.get(compositeKey({ ...key }))!);
    },
    { cacheKeyFn: (k) => compositeKey({ ...k }) },
  );
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

/** A user's active coaching relationships (as the client), newest first. */
export function coachesByUser(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, TrainerClientRow[]>('training.coachesByUser', async (userIds) => {
    const rows = await db
      .select()
      .from(trainerClients)
      .where(and(inArray(trainerClients.userId, [...userIds]), isNull(trainerClients.endedAt)))
      .orderBy(desc(trainerClients.startedAt), desc(trainerClients.id));
    return groupByKey(userIds, rows, (row) => row.userId);
  });
}
