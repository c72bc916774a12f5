import { isUuid } from '../../kit/ids.js';
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Clock } from '../../kit/clock.js';
import { type Executor, isUniqueViolation, rows } from '../../kit/db.js';
import { badInput, conflict, notFound } from '../../kit/errors.js';
import { decodeCursor, pageSize, toPage } from '../../kit/pagination.js';
import { compileDefinition, DefinitionError, parseDefinition } from './cohort-definition.js';
import { type CohortRow, cohorts } from './tables.js';

export function checkCohortId(id: string): string {
  if (!isUuid(id)) throw notFound('Cohort');
  return id.toLowerCase();
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) {
    throw badInput('name must be 1 to 100 characters.', { field: 'name' });
  }
  return trimmed;
}

function validDefinition(definition: unknown) {
  try {
    return parseDefinition(definition);
  } catch (error) {
    if (error instanceof DefinitionError) {
      throw badInput(`Invalid cohort definition: ${error.message}.`, { field: error.path });
    }
    throw error;
  }
}

const nameTaken = () => conflict('Another cohort already has this name.', { field: 'name' });

/**
 * Recomputes one cohort in a single statement: members who no longer match leave, new ones join
 * (keeping added_at of those who stay), user_count and computed_at follow. Returns null when no
 * such cohort exists.
 */
export async function refreshCohort(db: Executor, clock: Clock, id: string): Promise<CohortRow | null> {
  const [cohort] = await db.select().from(cohorts).where(eq(cohorts.id, id));
  if (!cohort) return null;
  const now = clock.now();
  const predicate = compileDefinition(parseDefinition(cohort.definitionJson), now);
  const at = now.toISOString();
  const [row] = await rows<Record<string, unknown>>(
    db,
    sql`with target as (
          select p.user_id from analytics.user_profiles p where ${predicate}
        ),
        removed as (
          delete from analytics.cohort_memberships m
          where m.cohort_id = ${id}::uuid and m.user_id not in (select user_id from target)
        ),
        added as (
          insert into analytics.cohort_memberships (cohort_id, user_id, added_at)
          select ${id}::uuid, user_id, ${at}::timestamptz from target
          on conflict do nothing
        )
        update analytics.cohorts
        set user_count = (select count(*) from target), computed_at = ${at}::timestamptz
        where id = ${id}::uuid
        returning id`,
  );
  if (!row) return null;
  const [fresh] = await db.select().from(cohorts).where(eq(cohorts.id, id));
  return fresh ?? null;
}

export async function createCohort(
  db: Executor,
  clock: Clock,
  input: { name: string; definition: Record<string, unknown> },
): Promise<CohortRow> {
  const name = validName(input.name);
  validDefinition(input.definition);
  const now = clock.now();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(cohorts)
        .values({ name, definitionJson: input.definition, createdAt: now, updatedAt: now })
        .returning({ id: cohorts.id });
      return (await refreshCohort(tx, clock, row!.id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'cohorts_name_lower_key')) throw nameTaken();
    throw error;
  }
}

export async function updateCohort(
  db: Executor,
  clock: Clock,
  input: { id: string; name?: string | null; definition?: Record<string, unknown> | null },
): Promise<CohortRow> {
  const id = checkCohortId(input.id);
  const changes: Partial<typeof cohorts.$inferInsert> = { updatedAt: clock.now() };
  if (input.name !== undefined && input.name !== null) changes.name = validName(input.name);
  if (input.definition !== undefined && input.definition !== null) {
    validDefinition(input.definition);
    changes.definitionJson = input.definition;
  }
  try {
    return await db.transaction(async (tx) => {
      const updated = await tx
        .update(cohorts)
        .set(changes)
        .where(eq(cohorts.id, id))
        .returning({ id: cohorts.id });
      if (updated.length === 0) throw notFound('Cohort');
      return (await refreshCohort(tx, clock, id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'cohorts_name_lower_key')) throw nameTaken();
    throw error;
  }
}

/** Newest first; the cursor is (created_at, id). */
export async function listCohorts(db: Executor, args: { first?: number | null; after?: string | null }) {
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after, ['timestamp', 'uuid']);
  const where = cursor
    ? or(
        lt(cohorts.createdAt, new Date(cursor[0])),
        and(eq(cohorts.createdAt, new Date(cursor[0])), lt(cohorts.id, cursor[1])),
      )
    : undefined;
  const list = await db
    .select()
    .from(cohorts)
    .where(where)
    .orderBy(desc(cohorts.createdAt), desc(cohorts.id))
    .limit(limit + 1);
  return toPage(
    list,
    limit,
    (row) => [row.createdAt.toISOString(), row.id],
    () => db.$count(cohorts),
  );
}

/** Recomputes every cohort last computed before `staleBefore` (or never); the scheduled refresh. */
export async function refreshStaleCohorts(db: Executor, clock: Clock, staleBefore: Date): Promise<number> {
  const stale = await db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(or(sql`${cohorts.computedAt} is null`, lt(cohorts.computedAt, staleBefore)));
  for (const { id } of stale) await refreshCohort(db, clock, id);
  return stale.length;
}
