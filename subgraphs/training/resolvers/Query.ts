import { isOwnerOrAdmin, requireAdmin } from '../../../kit/authz.js';
import { mapPage, pageSize } from '../../../kit/pagination.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { canSeeTrainer, viewerTrainer } from '../access.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { checkId, intInRange } from '../input.js';
import { exerciseById, habitById, planById, sessionById, trainerById } from '../loaders.js';
import { viewPlan } from '../access.js';
import { cataloguePage } from '../plans.js';
import type { TrainingDeps } from '../deps.js';
import { exercisesPage, trainersPage } from '../trainers.js';

export function queryResolvers(deps: TrainingDeps): QueryResolvers<RequestContext> {
  const db = deps.database.db;
  return {
    exercises: (_parent, { filter, first, after }) => exercisesPage(db, filter ?? {}, pageSize(first), after),

    exercise: (_parent, { id }, ctx) => exerciseById(ctx, db).load(checkId(id)),

    workoutPlans: async (_parent, { filter, first, after }) => {
      if (filter?.minDurationWeeks != null) intInRange(filter.minDurationWeeks, 'minDurationWeeks', 1, 104);
      if (filter?.maxDurationWeeks != null) intInRange(filter.maxDurationWeeks, 'maxDurationWeeks', 1, 104);
      const page = await cataloguePage(
        db,
        { ...filter, trainerId: filter?.trainerId ? checkId(filter.trainerId, 'trainerId') : null },
        pageSize(first),
        after,
      );
      // The catalogue is public: everyone, the plan's own trainer included, sees what athletes follow.
      return mapPage(page, ({ plan, published }) => ({ row: plan, view: 'published' as const, published }));
    },

    workoutPlan: async (_parent, { id }, ctx) =>
      viewPlan(ctx, deps, await planById(ctx, db).load(checkId(id))),

    trainers: (_parent, { first, after }) => trainersPage(db, true, pageSize(first), after),

    trainer: async (_parent, { id }, ctx) => {
      const trainer = await trainerById(ctx, db).load(checkId(id));
      return trainer && canSeeTrainer(ctx, trainer) ? trainer : null;
    },

    myTrainerProfile: (_parent, _args, ctx) => viewerTrainer(ctx, deps),

    trainerApplications: (_parent, { first, after }, ctx) => {
      requireAdmin(ctx);
      return trainersPage(db, false, pageSize(first), after);
    },

    workoutSession: async (_parent, { id }, ctx) => {
      const session = await sessionById(ctx, db).load(checkId(id));
      return session && isOwnerOrAdmin(ctx, session.userId) ? session : null;
    },

    habit: async (_parent, { id }, ctx) => {
      const habit = await habitById(ctx, db).load(checkId(id));
      return habit && isOwnerOrAdmin(ctx, habit.userId) ? habit : null;
    },
  };
}
