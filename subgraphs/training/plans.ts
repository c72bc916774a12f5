import { and, asc, count, desc, eq, gte, isNull, lte, max, type SQL, sql } from 'drizzle-orm';
import { type Executor, isForeignKeyViolation, isUniqueViolation } from '../../kit/db.js';
import { badInput, conflict, forbidden, notFound } from '../../kit/errors.js';
import { decodeCursor, type Page, toPage } from '../../kit/pagination.js';
import { toStored } from '../../kit/stored-enums.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { intInRange, numberInRange, optionalText, requiredText } from './input.js';
import {
  type PublishedExercise,
  type TrainerRow,
  type WorkoutPlanRow,
  type WorkoutPlanVersionRow,
  workoutPlanExercises,
  workoutPlans,
  workoutPlanVersions,
} from './tables.js';

/** A plan holds at most this many exercise lines; reordering takes them all in one list. */
export const MAX_PLAN_EXERCISES = 100;

export interface PlanFields {
  name?: string | null;
  description?: string | null;
  difficulty?: string | null;
  durationWeeks?: number | null;
  targetAudience?: string | null;
}

function planPatch(input: PlanFields) {
  const patch: Partial<typeof workoutPlans.$inferInsert> = {};
  if (input.name !== undefined) {
    if (input.name === null) throw badInput('name cannot be cleared.', { field: 'name' });
    patch.name = requiredText(input.name, 'name', 120);
  }
  if (input.description !== undefined)
    patch.description = optionalText(input.description, 'description', 5000);
  if (input.difficulty !== undefined) {
    if (input.difficulty === null) throw badInput('difficulty cannot be cleared.', { field: 'difficulty' });
    patch.difficultyLevel = toStored(input.difficulty);
  }
  if (input.durationWeeks !== undefined) {
    if (input.durationWeeks === null)
      throw badInput('durationWeeks cannot be cleared.', { field: 'durationWeeks' });
    patch.durationWeeks = intInRange(input.durationWeeks, 'durationWeeks', 1, 104);
  }
  if (input.targetAudience !== undefined) {
    patch.targetAudience = optionalText(input.targetAudience, 'targetAudience', 64);
  }
  return patch;
}

export async function createPlan(
  deps: SubgraphDeps,
  trainer: TrainerRow,
  input: PlanFields & { name: string; difficulty: string; durationWeeks: number },
): Promise<WorkoutPlanRow> {
  const now = deps.clock.now();
  const [row] = await deps.database.db
    .insert(workoutPlans)
    .values({
      ...planPatch(input),
      name: requiredText(input.name, 'name', 120),
      difficultyLevel: toStored(input.difficulty),
      durationWeeks: intInRange(input.durationWeeks, 'durationWeeks', 1, 104),
      trainerId: trainer.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

/**
 * Opens the plan for a change by its trainer: locks the row for the rest of the transaction, so
 * concurrent edits of one plan (a reorder and an add) run one after the other.
 */
async function lockOwnPlan(tx: Executor, trainer: TrainerRow, planId: string): Promise<WorkoutPlanRow> {
  const [plan] = await tx.select().from(workoutPlans).where(eq(workoutPlans.id, planId)).for('update');
  if (!plan || plan.deletedAt) throw notFound('Workout plan');
  if (plan.trainerId !== trainer.id) throw forbidden('Only the trainer who wrote this plan can change it.');
  return plan;
}

async function markChanged(tx: Executor, planId: string, now: Date): Promise<WorkoutPlanRow> {
  const [row] = await tx
    .update(workoutPlans)
    .set({ hasUnpublishedChanges: true, updatedAt: now })
    .where(eq(workoutPlans.id, planId))
    .returning();
  return row!;
}

export async function updatePlan(
  deps: SubgraphDeps,
  trainer: TrainerRow,
  planId: string,
  input: PlanFields,
): Promise<WorkoutPlanRow> {
  const patch = planPatch(input);
  return deps.database.db.transaction(async (tx) => {
    await lockOwnPlan(tx, trainer, planId);
    const now = deps.clock.now();
    const [row] = await tx
      .update(workoutPlans)
      .set({ ...patch, hasUnpublishedChanges: true, updatedAt: now })
      .where(eq(workoutPlans.id, planId))
      .returning();
    return row!;
  });
}

export async function deletePlan(deps: SubgraphDeps, trainer: TrainerRow, planId: string): Promise<boolean> {
  return deps.database.db.transaction(async (tx) => {
    await lockOwnPlan(tx, trainer, planId);
    await tx.update(workoutPlans).set({ deletedAt: deps.clock.now() }).where(eq(workoutPlans.id, planId));
    return true;
  });
}

export interface ExerciseLineFields {
  sets?: number | null;
  reps?: number | null;
  weightKg?: number | null;
  restSeconds?: number | null;
}

function linePatch(input: ExerciseLineFields) {
  const patch: Partial<typeof workoutPlanExercises.$inferInsert> = {};
  if (input.sets !== undefined) {
    if (input.sets === null) throw badInput('sets cannot be cleared.', { field: 'sets' });
    patch.sets = intInRange(input.sets, 'sets', 1, 50);
  }
  if (input.reps !== undefined) {
    if (input.reps === null) throw badInput('reps cannot be cleared.', { field: 'reps' });
    patch.reps = intInRange(input.reps, 'reps', 1, 1000);
  }
  if (input.weightKg !== undefined) {
    patch.weightKg =
      input.weightKg === null ? null : numberInRange(input.weightKg, 'weightKg', 0, 1000).toFixed(2);
  }
  if (input.restSeconds !== undefined) {
    if (input.restSeconds === null)
      throw badInput('restSeconds cannot be cleared.', { field: 'restSeconds' });
    patch.restSeconds = intInRange(input.restSeconds, 'restSeconds', 0, 3600);
  }
  return patch;
}

export async function addExercise(
  deps: SubgraphDeps,
  trainer: TrainerRow,
  planId: string,
  input: ExerciseLineFields & {
    exerciseId: string;
    sequenceNumber?: number | null;
    sets: number;
    reps: number;
  },
): Promise<WorkoutPlanRow> {
  const patch = linePatch(input);
  if (input.sequenceNumber !== undefined && input.sequenceNumber !== null) {
    intInRange(input.sequenceNumber, 'sequenceNumber', 1, MAX_PLAN_EXERCISES);
  }
  try {
    return await deps.database.db.transaction(async (tx) => {
      await lockOwnPlan(tx, trainer, planId);
      const [stats] = await tx
        .select({ count: sql<number>`count(*)::int`, last: max(workoutPlanExercises.sequenceNum) })
        .from(workoutPlanExercises)
        .where(eq(workoutPlanExercises.workoutPlanId, planId));
      if ((stats?.count ?? 0) >= MAX_PLAN_EXERCISES) {
        throw badInput(`A plan holds at most ${MAX_PLAN_EXERCISES} exercises.`, { field: 'workoutPlanId' });
      }
      const sequenceNum = input.sequenceNumber ?? (stats?.last ?? 0) + 1;
      await tx.insert(workoutPlanExercises).values({
        ...patch,
        workoutPlanId: planId,
        exerciseId: input.exerciseId,
        sequenceNum,
        sets: patch.sets!,
        reps: patch.reps!,
      });
      return markChanged(tx, planId, deps.clock.now());
    });
  } catch (error) {
    if (isUniqueViolation(error, 'workout_plan_exercises_plan_sequence_key')) {
      throw conflict(`Position ${input.sequenceNumber} is already taken in this plan.`, {
        field: 'sequenceNumber',
        reason: 'SEQUENCE_TAKEN',
      });
    }
    if (isForeignKeyViolation(error)) throw notFound('Exercise');
    throw error;
  }
}

async function lockLine(tx: Executor, trainer: TrainerRow, lineId: string) {
  const [line] = await tx.select().from(workoutPlanExercises).where(eq(workoutPlanExercises.id, lineId));
  if (!line) throw notFound('Workout plan exercise');
  await lockOwnPlan(tx, trainer, line.workoutPlanId);
  return line;
}

export async function updateExercise(
  deps: SubgraphDeps,
  trainer: TrainerRow,
  lineId: string,
  input: ExerciseLineFields,
): Promise<WorkoutPlanRow> {
  const patch = linePatch(input);
  return deps.database.db.transaction(async (tx) => {
    const line = await lockLine(tx, trainer, lineId);
    if (Object.keys(patch).length > 0) {
      await tx.update(workoutPlanExercises).set(patch).where(eq(workoutPlanExercises.id, lineId));
    }
    return markChanged(tx, line.workoutPlanId, deps.clock.now());
  });
}

export async function removeExercise(
  deps: SubgraphDeps,
  trainer: TrainerRow,
  lineId: string,
): Promise<WorkoutPlanRow> {
  return deps.database.db.transaction(async (tx) => {
    const line = await lockLine(tx, trainer, lineId);
    await tx.delete(workoutPlanExercises).where(eq(workoutPlanExercises.id, lineId));
    return markChanged(tx, line.workoutPlanId, deps.clock.now());
  });
}

/** Added to every position while a reorder is half done, clear of the final 1..n. */
const REORDER_OFFSET = 1_000_000;

/**
 * Renumbers every line of the plan 1..n in the order given, in one transaction. The unique
 * (plan, sequence) constraint is checked row by row, so the lines first move out of the way
 * (n + offset), then into place: no intermediate state ever holds two lines at one position.
 */
export async function reorderExercises(
  deps: SubgraphDeps,
  trainer: TrainerRow,
  planId: string,
  lineIds: string[],
): Promise<WorkoutPlanRow> {
  if (lineIds.length > MAX_PLAN_EXERCISES) {
    throw badInput(`exerciseIds takes at most ${MAX_PLAN_EXERCISES} ids.`, { field: 'exerciseIds' });
  }
  if (new Set(lineIds).size !== lineIds.length) {
    throw badInput('exerciseIds names a line twice.', { field: 'exerciseIds' });
  }
  return deps.database.db.transaction(async (tx) => {
    await lockOwnPlan(tx, trainer, planId);
    const current = await tx
      .select({ id: workoutPlanExercises.id })
      .from(workoutPlanExercises)
      .where(eq(workoutPlanExercises.workoutPlanId, planId));
    const currentIds = new Set(current.map((r) => r.id));
    if (currentIds.size !== lineIds.length || !lineIds.every((id) => currentIds.has(id))) {
      throw badInput('exerciseIds must name every exercise line of the plan exactly once.', {
        field: 'exerciseIds',
      });
    }
    if (lineIds.length > 0) {
      const positions = sql.join(
        lineIds.map((id, i) => sql`(${id}::uuid, ${i + 1}::int)`),
        sql`, `,
      );
      await tx.execute(sql`
        update ${workoutPlanExercises}
        set sequence_num = wanted.position + ${REORDER_OFFSET}
        from (values ${positions}) as wanted(id, position)
        where ${workoutPlanExercises.id} = wanted.id and ${workoutPlanExercises.workoutPlanId} = ${planId}`);
      await tx
        .update(workoutPlanExercises)
        .set({ sequenceNum: sql`${workoutPlanExercises.sequenceNum} - ${REORDER_OFFSET}` })
        .where(eq(workoutPlanExercises.workoutPlanId, planId));
    }
    return markChanged(tx, planId, deps.clock.now());
  });
}

/**
 * Publishes the working copy as version + 1: a frozen snapshot athletes follow, while the
 * trainer may keep editing the working copy for the next version.
 */
export async function publishPlan(
  deps: SubgraphDeps,
  trainer: TrainerRow,
  planId: string,
): Promise<WorkoutPlanRow> {
  return deps.database.db.transaction(async (tx) => {
    const plan = await lockOwnPlan(tx, trainer, planId);
    if (plan.isPublished && !plan.hasUnpublishedChanges) {
      throw conflict('Nothing changed since the last published version.', { reason: 'NO_CHANGES' });
    }
    const lines = await tx
      .select()
      .from(workoutPlanExercises)
      .where(eq(workoutPlanExercises.workoutPlanId, planId))
      .orderBy(asc(workoutPlanExercises.sequenceNum));
    if (lines.length === 0) {
      throw badInput('Add at least one exercise before publishing.', { field: 'id', reason: 'EMPTY_PLAN' });
    }
    const now = deps.clock.now();
    const version = plan.version + 1;
    const snapshot: PublishedExercise[] = lines.map((line) => ({
      id: line.id,
      exerciseId: line.exerciseId,
      sequenceNum: line.sequenceNum,
      sets: line.sets,
      reps: line.reps,
      weightKg: line.weightKg,
      restSeconds: line.restSeconds,
    }));
    await tx.insert(workoutPlanVersions).values({
      workoutPlanId: planId,
      version,
      name: plan.name,
      description: plan.description,
      difficultyLevel: plan.difficultyLevel,
      durationWeeks: plan.durationWeeks,
      targetAudience: plan.targetAudience,
      exercises: snapshot,
      publishedAt: now,
    });
    const [row] = await tx
      .update(workoutPlans)
      .set({ version, isPublished: true, hasUnpublishedChanges: false, publishedAt: now, updatedAt: now })
      .where(eq(workoutPlans.id, planId))
      .returning();
    return row!;
  });
}

export interface CatalogueFilter {
  difficulty?: string | null;
  minDurationWeeks?: number | null;
  maxDurationWeeks?: number | null;
  targetAudience?: string | null;
  trainerId?: string | null;
}

/**
 * The public catalogue: plans with a published version, filtered on what that version says
 * (not on a draft nobody can see yet), newest publish first.
 */
export async function cataloguePage(
  db: Executor,
  filter: CatalogueFilter,
  limit: number,
  after: string | null | undefined,
): Promise<Page<{ plan: WorkoutPlanRow; published: WorkoutPlanVersionRow }>> {
  const conditions: SQL[] = [eq(workoutPlans.isPublished, true), isNull(workoutPlans.deletedAt)];
  if (filter.difficulty)
    conditions.push(eq(workoutPlanVersions.difficultyLevel, toStored(filter.difficulty)));
  if (filter.minDurationWeeks != null)
    conditions.push(gte(workoutPlanVersions.durationWeeks, filter.minDurationWeeks));
  if (filter.maxDurationWeeks != null)
    conditions.push(lte(workoutPlanVersions.durationWeeks, filter.maxDurationWeeks));
  if (filter.targetAudience) {
    conditions.push(
      sql`lower(${workoutPlanVersions.targetAudience}) = ${filter.targetAudience.trim().toLowerCase()}`,
    );
  }
  if (filter.trainerId) conditions.push(eq(workoutPlans.trainerId, filter.trainerId));
  const listed = and(...conditions);
  const cursor = decodeCursor(after, ['timestamp', 'uuid']);
  if (cursor) {
    conditions.push(
      sql`(${workoutPlanVersions.publishedAt}, ${workoutPlans.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`,
    );
  }
  const published = and(
    eq(workoutPlanVersions.workoutPlanId, workoutPlans.id),
    eq(workoutPlanVersions.version, workoutPlans.version),
  );
  const rows = await db
    .select({ plan: workoutPlans, published: workoutPlanVersions })
    .from(workoutPlans)
    .innerJoin(workoutPlanVersions, published)
    .where(and(...conditions))
    .orderBy(desc(workoutPlanVersions.publishedAt), desc(workoutPlans.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.published.publishedAt.toISOString(), row.plan.id],
    async () => {
      const [row] = await db
        .select({ n: count() })
        .from(workoutPlans)
        .innerJoin(workoutPlanVersions, published)
        .where(listed);
      return row?.n ?? 0;
    },
  );
}
