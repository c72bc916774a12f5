import { and, eq, sql } from 'drizzle-orm';
import { badInput, forbidden, notFound } from '../../kit/errors.js';
import type { RequestContext, SubgraphDeps } from '../../kit/subgraph.js';
import { localDate, loadTimeZone, timeZoneOf } from '../../kit/time-zones.js';
import type { TrainingDeps } from './deps.js';
import { intInRange, optionalText, requiredText } from './input.js';
import { streakInputs } from './loaders.js';
import { computeStreaks, dateOfDay, dayNumber, type Streaks } from './streaks.js';
import { type HabitLogRow, type HabitRow, habitLogs, habits, userTimeZones } from './tables.js';

/** Active habits per user: keeps User.habits a bounded list. */
export const MAX_ACTIVE_HABITS = 100;
/** Longest date range a habit's logs or completion rate may span. */
export const MAX_RANGE_DAYS = 366;

export interface HabitFields {
  name?: string | null;
  category?: string | null;
  targetValue?: number | null;
  unit?: string | null;
  frequencyPerWeek?: number | null;
  isActive?: boolean | null;
}

function habitPatch(input: HabitFields) {
  const patch: Partial<typeof habits.$inferInsert> = {};
  if (input.name !== undefined) {
    if (input.name === null) throw badInput('name cannot be cleared.', { field: 'name' });
    patch.name = requiredText(input.name, 'name', 100);
  }
  if (input.category !== undefined) patch.category = optionalText(input.category, 'category', 50);
  if (input.unit !== undefined) patch.unit = optionalText(input.unit, 'unit', 32);
  if (input.targetValue !== undefined) {
    patch.targetValue =
      input.targetValue === null ? null : intInRange(input.targetValue, 'targetValue', 1, 1_000_000);
  }
  if (input.frequencyPerWeek !== undefined) {
    if (input.frequencyPerWeek === null) {
      throw badInput('frequencyPerWeek cannot be cleared.', { field: 'frequencyPerWeek' });
    }
    patch.frequencyPerWeek = intInRange(input.frequencyPerWeek, 'frequencyPerWeek', 1, 7);
  }
  if (input.isActive !== undefined) {
    if (input.isActive === null) throw badInput('isActive cannot be cleared.', { field: 'isActive' });
    patch.isActive = input.isActive;
  }
  return patch;
}

async function countActive(executor: SubgraphDeps['database']['db'], userId: string) {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(habits)
    .where(and(eq(habits.userId, userId), eq(habits.isActive, true)));
  return row?.count ?? 0;
}

export async function createHabit(
  deps: SubgraphDeps,
  userId: string,
  input: HabitFields & { name: string },
): Promise<HabitRow> {
  const patch = habitPatch({ ...input, isActive: undefined });
  if ((await countActive(deps.database.db, userId)) >= MAX_ACTIVE_HABITS) {
    throw badInput(`At most ${MAX_ACTIVE_HABITS} active habits; archive one first.`, {
      reason: 'TOO_MANY_HABITS',
    });
  }
  const [row] = await deps.database.db
    .insert(habits)
    .values({ ...patch, name: patch.name!, userId, createdAt: deps.clock.now() })
    .returning();
  return row!;
}

async function ownHabit(deps: SubgraphDeps, userId: string, habitId: string): Promise<HabitRow> {
  const [habit] = await deps.database.db.select().from(habits).where(eq(habits.id, habitId));
  if (!habit) throw notFound('Habit');
  if (habit.userId !== userId) throw forbidden('This habit belongs to someone else.');
  return habit;
}

export async function updateHabit(
  deps: SubgraphDeps,
  userId: string,
  habitId: string,
  input: HabitFields,
): Promise<HabitRow> {
  const patch = habitPatch(input);
  const habit = await ownHabit(deps, userId, habitId);
  if (
    patch.isActive &&
    !habit.isActive &&
    (await countActive(deps.database.db, userId)) >= MAX_ACTIVE_HABITS
  ) {
    throw badInput(`At most ${MAX_ACTIVE_HABITS} active habits; archive one first.`, {
      reason: 'TOO_MANY_HABITS',
    });
  }
  if (Object.keys(patch).length === 0) return habit;
  const [row] = await deps.database.db.update(habits).set(patch).where(eq(habits.id, habitId)).returning();
  return row!;
}

/**
 * Logs one day. The unique (habit, day) pair makes a second log for the same day an update of
 * the first, in one statement, so two devices logging at once cannot create two rows.
 */
export async function logHabit(
  deps: SubgraphDeps,
  userId: string,
  input: {
    habitId: string;
    /** The owner's local date; their local today when left out. */
    date?: string | null;
    value?: number | null;
    completed?: boolean | null;
    notes?: string | null;
  },
): Promise<HabitLogRow> {
  // The owner's calendar decides what "today" is: logging their local today always counts.
  const today = dayNumber(
    localDate(deps.clock.now(), await loadTimeZone(deps.database.db, userTimeZones, userId)),
  );
  const day = input.date ? dayNumber(input.date) : today;
  if (day > today) throw badInput('date cannot be after today in your time zone.', { field: 'date' });
  if (day < today - MAX_RANGE_DAYS) {
    throw badInput(`date can be at most ${MAX_RANGE_DAYS} days back.`, { field: 'date' });
  }
  const value =
    input.value === null || input.value === undefined ? null : intInRange(input.value, 'value', 0, 1_000_000);
  const notes = optionalText(input.notes, 'notes', 1000) ?? null;
  await ownHabit(deps, userId, input.habitId);
  const now = deps.clock.now();
  const values = { value, completed: input.completed ?? true, notes, updatedAt: now };
  const [row] = await deps.database.db
    .insert(habitLogs)
    .values({ ...values, habitId: input.habitId, loggedDate: dateOfDay(day), createdAt: now })
    .onConflictDoUpdate({ target: [habitLogs.habitId, habitLogs.loggedDate], set: values })
    .returning();
  return row!;
}

/** Validates a [from, to] range of Date arguments and returns it as YYYY-MM-DD strings. */
export function dateRange(from: string, to: string): { from: string; to: string } {
  const span = dayNumber(to) - dayNumber(from);
  if (span < 0) throw badInput('to must not be before from.', { field: 'to' });
  if (span >= MAX_RANGE_DAYS)
    throw badInput(`The range spans at most ${MAX_RANGE_DAYS} days.`, { field: 'to' });
  return { from, to };
}

/**
 * Streaks worked out per habit row, which is the request's own (its loaders read it): a
 * response's currentStreak and bestStreak of one habit share one computation.
 */
const streaksOfRows = new WeakMap<HabitRow, Promise<Streaks>>();

/** A habit's streaks on its owner's calendar (their time zone), whoever reads them: owner or coach. */
export function habitStreaks(ctx: RequestContext, deps: TrainingDeps, habit: HabitRow): Promise<Streaks> {
  let streaks = streaksOfRows.get(habit);
  if (!streaks) {
    streaks = computeHabitStreaks(ctx, deps, habit);
    streaksOfRows.set(habit, streaks);
  }
  return streaks;
}

async function computeHabitStreaks(
  ctx: RequestContext,
  deps: TrainingDeps,
  habit: HabitRow,
): Promise<Streaks> {
  const db = deps.database.db;
  const inputs = await streakInputs(ctx, db).load(habit.id);
  // A habit deleted since its row was read has no completed dates left.
  const [dates, zone] = inputs
    ? [inputs.completedDates, inputs.timeZone]
    : [[], await timeZoneOf(ctx, db, userTimeZones, habit.userId)];
  return computeStreaks(dates, habit.frequencyPerWeek, localDate(deps.clock.now(), zone));
}
