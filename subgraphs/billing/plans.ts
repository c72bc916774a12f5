import { and, asc, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { badInput, notFound } from '../../kit/errors.js';
import { decodeCursor, toPage } from '../../kit/pagination.js';
import type { BillingDeps } from './deps.js';
import { isCurrencyCode } from './money.js';
import { type BillingPeriod, type PlanRow, subscriptionPlans } from './tables.js';
import { isUuid } from '../../kit/ids.js';

export interface PlanInput {
  name?: string | null;
  description?: string | null;
  priceCents?: number | null;
  currency?: string | null;
  billingPeriod?: BillingPeriod | null;
  trialPeriodDays?: number | null;
  features?: string[] | null;
  maxCourses?: number | null;
  maxTrainers?: number | null;
  isActive?: boolean | null;
}

const FEATURE = /^[a-z0-9_:-]{1,64}$/;

/** The plan rules, checked before the database's CHECKs would refuse the row. */
function validate(input: PlanInput): void {
  const bad = (field: string, message: string) => badInput(message, { field });
  if (
    input.name !== undefined &&
    (input.name === null || input.name.trim().length < 1 || input.name.length > 100)
  ) {
    throw bad('name', 'name must be 1..100 characters.');
  }
  if (input.description && input.description.length > 2000)
    throw bad('description', 'description is at most 2000 characters.');
  if (
    input.priceCents !== undefined &&
    (input.priceCents === null || !Number.isInteger(input.priceCents) || input.priceCents <= 0)
  ) {
    throw bad('priceCents', 'priceCents must be a positive whole number of cents.');
  }
  if (input.currency !== undefined && (input.currency === null || !isCurrencyCode(input.currency))) {
    throw bad('currency', 'currency must be an ISO 4217 code.');
  }
  if (
    input.trialPeriodDays !== undefined &&
    (input.trialPeriodDays === null ||
      !Number.isInteger(input.trialPeriodDays) ||
      input.trialPeriodDays < 0 ||
      input.trialPeriodDays > 90)
  ) {
    throw bad('trialPeriodDays', 'trialPeriodDays must be between 0 and 90.');
  }
  if (input.features !== undefined) {
    if (
      input.features === null ||
      input.features.length > 50 ||
      !input.features.every((f) => FEATURE.test(f))
    ) {
      throw bad('features', 'features are at most 50 keys of 1..64 characters a-z, 0-9, "_", ":" or "-".');
    }
  }
  for (const field of ['maxCourses', 'maxTrainers'] as const) {
    const value = input[field];
    if (value !== undefined && value !== null && (!Number.isInteger(value) || value < 0)) {
      throw bad(field, `${field} must be zero or more.`);
    }
  }
  if (input.isActive === null) throw bad('isActive', 'isActive cannot be null.');
}

export async function createPlan(
  deps: BillingDeps,
  input: PlanInput & { name: string; priceCents: number; currency: string; billingPeriod: BillingPeriod },
): Promise<PlanRow> {
  validate(input);
  const [row] = await deps.database.db
    .insert(subscriptionPlans)
    .values({
      name: input.name.trim(),
      description: input.description ?? null,
      priceCents: input.priceCents,
      currency: input.currency,
      billingPeriod: input.billingPeriod,
      trialPeriodDays: input.trialPeriodDays ?? 0,
      features: [...new Set(input.features ?? [])],
      maxCourses: input.maxCourses ?? null,
      maxTrainers: input.maxTrainers ?? null,
      createdAt: deps.clock.now(),
    })
    .returning();
  return row!;
}

export async function updatePlan(deps: BillingDeps, id: string, input: PlanInput): Promise<PlanRow> {
  validate(input);
  if (!isUuid(id)) throw notFound('Plan');
  const changes = Object.fromEntries(
    Object.entries({
      name: input.name?.trim(),
      description: input.description,
      priceCents: input.priceCents,
      trialPeriodDays: input.trialPeriodDays,
      features: input.features ? [...new Set(input.features)] : undefined,
      maxCourses: input.maxCourses,
      maxTrainers: input.maxTrainers,
      isActive: input.isActive,
    }).filter(([, v]) => v !== undefined),
  );
  if (Object.keys(changes).length === 0) {
    const [row] = await deps.database.db.select().from(subscriptionPlans).where(eq(subscriptionPlans.id, id));
    if (!row) throw notFound('Plan');
    return row;
  }
  const [row] = await deps.database.db
    .update(subscriptionPlans)
    .set(changes)
    .where(eq(subscriptionPlans.id, id))
    .returning();
  if (!row) throw notFound('Plan');
  return row;
}

/**
 * A page of plans, cheapest first: the active ones, or every plan when `includeInactive` (the
 * caller has checked that the viewer is an admin).
 */
export async function listPlans(
  db: Executor,
  { includeInactive, limit, after }: { includeInactive: boolean; limit: number; after?: string | null },
) {
  const cursor = decodeCursor(after, ['int', 'uuid']);
  const listed = includeInactive ? undefined : eq(subscriptionPlans.isActive, true);
  const conditions: (SQL | undefined)[] = [listed];
  if (cursor) {
    conditions.push(
      or(
        gt(subscriptionPlans.priceCents, cursor[0]),
        and(eq(subscriptionPlans.priceCents, cursor[0]), gt(subscriptionPlans.id, sql`${cursor[1]}::uuid`)),
      ),
    );
  }
  const rows = await db
    .select()
    .from(subscriptionPlans)
    .where(and(...conditions))
    .orderBy(asc(subscriptionPlans.priceCents), asc(subscriptionPlans.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.priceCents, row.id],
    () => db.$count(subscriptionPlans, listed),
  );
}
