import { and, asc, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { type Executor, isUniqueViolation } from '../../kit/db.js';
import { badInput, conflict, notFound } from '../../kit/errors.js';
import { decodeCursor, type Page, toPage } from '../../kit/pagination.js';
import { toStored } from '../../kit/stored-enums.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { requiredText } from './input.js';
import { type ExerciseRow, exercises, type TrainerRow, trainers } from './tables.js';

export async function applyAsTrainer(
  deps: SubgraphDeps,
  userId: string,
  input: { specializations: string[]; certificationLevel: string },
): Promise<TrainerRow> {
  if (input.specializations.length < 1 || input.specializations.length > 10) {
    throw badInput('specializations takes 1 to 10 entries.', { field: 'specializations' });
  }
  const specializations = [
    ...new Set(input.specializations.map((s) => requiredText(s, 'specializations', 50).toLowerCase())),
  ];
  try {
    const [row] = await deps.database.db
      .insert(trainers)
      .values({
        userId,
        specializations,
        certificationLevel: toStored(input.certificationLevel),
        createdAt: deps.clock.now(),
      })
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, 'trainers_user_id_key')) {
      throw conflict('You already have a trainer profile.', { reason: 'ALREADY_APPLIED' });
    }
    throw error;
  }
}

export async function verifyTrainer(deps: SubgraphDeps, trainerId: string): Promise<TrainerRow> {
  const [row] = await deps.database.db
    .update(trainers)
    .set({
      verified: true,
      verifiedAt: sql`coalesce(${trainers.verifiedAt}, ${deps.clock.now().toISOString()}::timestamptz)`,
    })
    .where(eq(trainers.id, trainerId))
    .returning();
  if (!row) throw notFound('Trainer');
  return row;
}

/** Verified trainers newest first, or (for admins) applications oldest first. */
export async function trainersPage(
  db: Executor,
  verified: boolean,
  limit: number,
  after: string | null | undefined,
): Promise<Page<TrainerRow>> {
  const cursor = decodeCursor(after, ['timestamp', 'uuid']);
  const listed = eq(trainers.verified, verified);
  const conditions: SQL[] = [listed];
  if (cursor) {
    conditions.push(
      verified
        ? sql`(${trainers.createdAt}, ${trainers.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`
        : sql`(${trainers.createdAt}, ${trainers.id}) > (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(trainers)
    .where(and(...conditions))
    .orderBy(
      ...(verified
        ? [desc(trainers.createdAt), desc(trainers.id)]
        : [asc(trainers.createdAt), asc(trainers.id)]),
    )
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.createdAt.toISOString(), row.id],
    () => db.$count(trainers, listed),
  );
}

export interface ExerciseFilter {
  category?: string | null;
  difficulty?: string | null;
  equipment?: string | null;
  muscleGroup?: string | null;
  search?: string | null;
}

/** Escapes LIKE wildcards so a search for "100%" means the text, not a pattern. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The catalogue by name; equipment and muscle group use the GIN indexes (jsonb containment). */
export async function exercisesPage(
  db: Executor,
  filter: ExerciseFilter,
  limit: number,
  after: string | null | undefined,
): Promise<Page<ExerciseRow>> {
  const conditions: SQL[] = [];
  if (filter.category) conditions.push(eq(exercises.category, toStored(filter.category)));
  if (filter.difficulty) conditions.push(eq(exercises.difficulty, toStored(filter.difficulty)));
  if (filter.equipment) {
    const item = requiredText(filter.equipment, 'equipment', 50).toLowerCase();
    conditions.push(sql`${exercises.equipment} @> ${JSON.stringify([item])}::jsonb`);
  }
  if (filter.muscleGroup) {
    const item = requiredText(filter.muscleGroup, 'muscleGroup', 50).toLowerCase();
    conditions.push(sql`${exercises.muscleGroups} @> ${JSON.stringify([item])}::jsonb`);
  }
  if (filter.search) {
    conditions.push(ilike(exercises.name, `%${likeLiteral(requiredText(filter.search, 'search', 100))}%`));
  }
  const listed = conditions.length > 0 ? and(...conditions) : undefined;
  const cursor = decodeCursor(after, ['text', 'uuid']);
  if (cursor) conditions.push(sql`(${exercises.name}, ${exercises.id}) > (${cursor[0]}, ${cursor[1]}::uuid)`);
  const rows = await db
    .select()
    .from(exercises)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(exercises.name), asc(exercises.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.name, row.id],
    () => db.$count(exercises, listed),
  );
}
