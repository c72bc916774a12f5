import { isOwnerOrAdmin } from '../../../kit/authz.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { HabitResolvers } from '../generated/resolvers-types.js';
import { dateRange, habitStreaks } from '../habits.js';
import { isoDate } from '../../../kit/calendar-dates.js';
import { habitById, habitLogsInRange, streakInputs } from '../loaders.js';
import type { TrainingDeps } from '../deps.js';
import { completionRate, streakUnit } from '../streaks.js';
import type { HabitRow } from '../tables.js';

export function habitResolvers(deps: TrainingDeps): HabitResolvers<RequestContext, HabitRow> {
  const db = deps.database.db;
  return {
    // Owner-only, on the entity path too: another user's habit resolves to null.
    __resolveReference: async (reference, ctx) => {
      const habit = await habitById(ctx, db).load(reference.id);
      return habit && isOwnerOrAdmin(ctx, habit.userId) ? habit : null;
    },
    user: (habit) => ({ id: habit.userId }),
    streakUnit: (habit) => streakUnit(habit.frequencyPerWeek),
    currentStreak: async (habit, _args, ctx) => (await habitStreaks(ctx, deps, habit)).current,
    bestStreak: async (habit, _args, ctx) => (await habitStreaks(ctx, deps, habit)).best,
    completionRate: async (habit, args, ctx) => {
      const { from, to } = dateRange(isoDate(args.from), isoDate(args.to));
      return completionRate(
        (await streakInputs(ctx, db).load(habit.id))?.completedDates ?? [],
        habit.frequencyPerWeek,
        from,
        to,
      );
    },
    logs: (habit, args, ctx) => {
      const { from, to } = dateRange(isoDate(args.from), isoDate(args.to));
      return habitLogsInRange(ctx, db).load({ habitId: habit.id, from, to });
    },
  };
}
