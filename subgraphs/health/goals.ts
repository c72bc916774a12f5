import { and, eq } from 'drizzle-orm';
import { addDays, daysBetween, isoDate } from '../../kit/calendar-dates.js';
import type { Clock } from '../../kit/clock.js';
import type { Executor } from '../../kit/db.js';
import { badInput, notFound } from '../../kit/errors.js';
import { localDate, startOfLocalDate } from '../../kit/time-zones.js';
import { checkGoalPeriod } from './date-bounds.js';
import { GOAL_TARGETS, isCumulative, METRIC_TYPES, type MetricTypeName, typeNameOf } from './metric-types.js';
import { type HealthGoalRow, healthGoals } from './tables.js';
import { isUuid } from '../../kit/ids.js';

export interface GoalInput {
  metricType: MetricTypeName;
  targetValue: number;
  /** The type's unit when left out; any other unit is refused (there are no conversions). */
  unit?: string | null;
  startDate: Date;
  endDate?: Date | null;
}

/** A goal's target within its type's limits (GOAL_TARGETS): above 0, at most max, with its decimals. */
export function checkTarget(type: MetricTypeName, targetValue: number): number {
  const { decimals, max } = GOAL_TARGETS[type];
  const { unit } = METRIC_TYPES[type];
  const scaled = targetValue * 10 ** decimals;
  const kept = Math.round(scaled);
  const precise = Number.isFinite(scaled) && Math.abs(scaled - kept) < 1e-6;
  // Compared as kept, so a value that rounds to 0 (5e-324 steps) is refused, not stored as 0.
  if (!precise || kept <= 0 || targetValue > max) {
    const what = decimals === 0 ? 'a whole number' : `a number with at most ${decimals} decimals`;
    throw badInput(
      `A ${type} target is ${what} of ${unit}, above 0 and at most ${max.toLocaleString('en-US')}.`,
      {
        field: 'targetValue',
      },
    );
  }
  return kept / 10 ** decimals;
}

/** A unit sent with a goal must be its type's; left out, it is the type's. */
function checkUnit(type: MetricTypeName, unit: string | null | undefined): string {
  const spec = METRIC_TYPES[type];
  if (unit != null && unit !== spec.unit) {
    throw badInput(
      `${type} goals are set in ${spec.unit}, not ${JSON.stringify(unit)}; send ${spec.unit} or leave unit out.`,
      {
        field: 'unit',
      },
    );
  }
  return spec.unit;
}

/** createdAt comes from the domain clock in milliseconds, so the page cursor compares exactly. */
export async function createGoal(
  db: Executor,
  clock: Clock,
  userId: string,
  input: GoalInput,
): Promise<HealthGoalRow> {
  const spec = METRIC_TYPES[input.metricType];
  const unit = checkUnit(input.metricType, input.unit);
  const targetValue = checkTarget(input.metricType, input.targetValue);
  const startDate = isoDate(input.startDate);
  const endDate = input.endDate ? isoDate(input.endDate) : null;
  checkGoalPeriod(startDate, endDate, clock.now());
  const [row] = await db
    .insert(healthGoals)
    .values({
      userId,
      metricType: spec.stored,
      targetValue,
      unit,
      startDate,
      endDate,
      createdAt: clock.now(),
    })
    .returning();
  return row!;
}

async function ownGoal(db: Executor, userId: string, id: string): Promise<HealthGoalRow> {
  if (!isUuid(id)) throw notFound('Goal');
  const [row] = await db
    .select()
    .from(healthGoals)
    .where(and(eq(healthGoals.id, id), eq(healthGoals.userId, userId)));
  // Another user's goal is reported exactly like a missing one.
  if (!row) throw notFound('Goal');
  return row;
}

export async function updateGoal(
  db: Executor,
  clock: Clock,
  userId: string,
  id: string,
  input: {
    targetValue?: number | null;
    unit?: string | null;
    startDate?: Date | null;
    endDate?: Date | null;
  },
): Promise<HealthGoalRow> {
  const goal = await ownGoal(db, userId, id);
  const type = typeNameOf(goal.metricType);
  checkUnit(type, input.unit);
  const changes: Partial<HealthGoalRow> = {};
  if (input.targetValue !== undefined && input.targetValue !== null) {
    changes.targetValue = checkTarget(type, input.targetValue);
  }
  if (input.startDate) changes.startDate = isoDate(input.startDate);
  if (input.endDate !== undefined) changes.endDate = input.endDate ? isoDate(input.endDate) : null;
  if (changes.startDate !== undefined || changes.endDate !== undefined) {
    checkGoalPeriod(
      changes.startDate ?? goal.startDate,
      changes.endDate !== undefined ? changes.endDate : goal.endDate,
      clock.now(),
    );
  }
  if (Object.keys(changes).length === 0) return goal;
  const [row] = await db.update(healthGoals).set(changes).where(eq(healthGoals.id, goal.id)).returning();
  return row!;
}

export async function deactivateGoal(db: Executor, userId: string, id: string): Promise<HealthGoalRow> {
  const goal = await ownGoal(db, userId, id);
  if (!goal.isActive) return goal;
  const [row] = await db
    .update(healthGoals)
    .set({ isActive: false })
    .where(eq(healthGoals.id, goal.id))
    .returning();
  return row!;
}

/**
 * The instants a goal's period covers: its days on the owner's calendar (User.timeZone), up to
 * their local today for open-ended goals.
 */
export function goalWindow(goal: HealthGoalRow, now: Date, timeZone: string): { from: Date; to: Date } {
  const from = startOfLocalDate(goal.startDate, timeZone);
  const last = goal.endDate ?? localDate(now, timeZone);
  const to = startOfLocalDate(addDays(last, 1), timeZone);
  return { from, to: to < from ? from : to };
}

export interface GoalProgress {
  currentValue: number;
  percent: number;
  onTrack: boolean | null;
}

/** Pro rata pace for totals; levels (weight, heart rate) have no known direction, so no verdict. */
export function goalProgress(
  goal: HealthGoalRow,
  aggregate: { sum: number; latest: number | null },
  now: Date,
  timeZone: string,
): GoalProgress {
  const type = typeNameOf(goal.metricType);
  const cumulative = isCumulative(type);
  const currentValue = cumulative ? aggregate.sum : (aggregate.latest ?? 0);
  const percent = Math.round((currentValue / goal.targetValue) * 10_000) / 100;
  if (!cumulative) return { currentValue, percent, onTrack: null };
  if (!goal.endDate) return { currentValue, percent, onTrack: currentValue >= goal.targetValue };
  // Days of the owner's calendar: today counts as elapsed from its start.
  const totalDays = Math.max(1, daysBetween(goal.startDate, goal.endDate) + 1);
  const today = localDate(now, timeZone);
  const elapsedDays = Math.min(totalDays, Math.max(0, daysBetween(goal.startDate, today) + 1));
  const expected = (goal.targetValue * elapsedDays) / totalDays;
  return { currentValue, percent, onTrack: currentValue >= expected };
}
