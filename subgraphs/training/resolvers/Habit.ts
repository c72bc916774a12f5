import { isOwnerOrAdmin } from '../../../kit/authz.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { localDate, timeZoneOf } from '../../../kit/time-zones.js';
import type { HabitResolvers } from '../generated/resolvers-types.js';
import { dateRange } from '../habits.js';
import { isoDate } from '../input.js';
import { habitById, habitCompletedDates, habitLogsInRange } from '../loaders.js';
import type { TrainingDeps } from '../server.js';
import { completionRate, computeStreaks, streakUnit } from '../streaks.js';
import { type HabitRow, userTimeZones } from '../tables.js';

export function habitResolvers(deps: TrainingDeps): HabitResolvers<RequestContext, HabitRow> {
  const db = deps.database.db;
  // Streaks run on the owner's calendar, whoever reads them (the owner or their coach).
  const streaks = async (habit: HabitRow, ctx: RequestContext) => {
    const [dates, zone] = await Promise.all([
      habitCompletedDates(ctx, db).load(habit.id),
      timeZoneOf(ctx, db, userTimeZones, habit.userId),
    ]);
    return computeStreaks(dates, habit.frequencyPerWeek, localDate(deps.clock.now(), zone));
  };
  return {
    // Owner-only, on the entity path too: another user's habit resolves to null.
    __resolveReference: async (reference, ctx) => {
      const habit = await habitById(ctx, db).load(reference.id);
      return habit && isOwnerOrAdmin(ctx, habit.userId) ? habit : null;
    },
    user: (habit) => ({ id: habit.userId }),
    streakUnit: (habit) => streakUnit(habit.frequencyPerWeek),
    currentStreak: async (habit, _args, ctx) => (await streaks(habit, ctx)).current,
    bestStreak: async (habit, _args, ctx) => (await streaks(habit, ctx)).best,
    completionRate: async (habit, args, ctx) => {
      const { from, to } = dateRange(isoDate(args.from), isoDate(args.to));
      return completionRate(
        await habitCompletedDates(ctx, db).load(habit.id),
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
