import { requireAdmin, requireViewer } from '../../../kit/authz.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { draftView, requireVerifiedTrainer, viewerTrainer } from '../access.js';
import { endCoaching, hireTrainer } from '../coaching.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { createHabit, logHabit, updateHabit } from '../habits.js';
import { checkId } from '../input.js';
import { isoDate } from '../../../kit/calendar-dates.js';
import {
  addExercise,
  createPlan,
  deletePlan,
  publishPlan,
  removeExercise,
  reorderExercises,
  updateExercise,
  updatePlan,
} from '../plans.js';
import type { TrainingDeps } from '../deps.js';
import type { WorkoutPlanRow } from '../tables.js';
import { applyAsTrainer, verifyTrainer } from '../trainers.js';
import { abandonSession, completeSession, startSession } from '../workouts.js';

export function mutationResolvers(deps: TrainingDeps): MutationResolvers<RequestContext> {
  /** A plan its own trainer just changed: they see the working copy. */
  const asDraft = (ctx: RequestContext, row: WorkoutPlanRow) => draftView(ctx, deps, row);

  return {
    applyAsTrainer: (_parent, { input }, ctx) => applyAsTrainer(deps, requireViewer(ctx).userId, input),

    verifyTrainer: (_parent, { trainerId }, ctx) => {
      requireAdmin(ctx);
      return verifyTrainer(deps, checkId(trainerId, 'trainerId'));
    },

    createWorkoutPlan: async (_parent, { input }, ctx) => {
      const trainer = await requireVerifiedTrainer(ctx, deps);
      return asDraft(ctx, await createPlan(deps, trainer, input));
    },

    updateWorkoutPlan: async (_parent, { id, input }, ctx) => {
      const trainer = await requireVerifiedTrainer(ctx, deps);
      return asDraft(ctx, await updatePlan(deps, trainer, checkId(id), input));
    },

    deleteWorkoutPlan: async (_parent, { id }, ctx) => {
      const trainer = await requireVerifiedTrainer(ctx, deps);
      return deletePlan(deps, trainer, checkId(id));
    },

    addWorkoutPlanExercise: async (_parent, { workoutPlanId, input }, ctx) => {
      const trainer = await requireVerifiedTrainer(ctx, deps);
      const row = await addExercise(deps, trainer, checkId(workoutPlanId, 'workoutPlanId'), {
        ...input,
        exerciseId: checkId(input.exerciseId, 'exerciseId'),
      });
      return asDraft(ctx, row);
    },

    updateWorkoutPlanExercise: async (_parent, { id, input }, ctx) => {
      const trainer = await requireVerifiedTrainer(ctx, deps);
      return asDraft(ctx, await updateExercise(deps, trainer, checkId(id), input));
    },

    removeWorkoutPlanExercise: async (_parent, { id }, ctx) => {
      const trainer = await requireVerifiedTrainer(ctx, deps);
      return asDraft(ctx, await removeExercise(deps, trainer, checkId(id)));
    },

    reorderWorkoutPlanExercises: async (_parent, { workoutPlanId, exerciseIds }, ctx) => {
      const trainer = await requireVerifiedTrainer(ctx, deps);
      const ids = exerciseIds.map((id) => checkId(id, 'exerciseIds'));
      return asDraft(
        ctx,
        await reorderExercises(deps, trainer, checkId(workoutPlanId, 'workoutPlanId'), ids),
      );
    },

    publishWorkoutPlan: async (_parent, { id }, ctx) => {
      const trainer = await requireVerifiedTrainer(ctx, deps);
      return asDraft(ctx, await publishPlan(deps, trainer, checkId(id)));
    },

    startWorkoutSession: (_parent, { input }, ctx) =>
      startSession(deps, requireViewer(ctx).userId, {
        ...input,
        workoutPlanId: input.workoutPlanId ? checkId(input.workoutPlanId, 'workoutPlanId') : null,
      }),

    completeWorkoutSession: (_parent, { id, input }, ctx) =>
      completeSession(deps, requireViewer(ctx).userId, checkId(id), input),

    abandonWorkoutSession: (_parent, { id }, ctx) =>
      abandonSession(deps, requireViewer(ctx).userId, checkId(id)),

    hireTrainer: (_parent, { trainerId }, ctx) =>
      hireTrainer(deps, requireViewer(ctx).userId, checkId(trainerId, 'trainerId')),

    endCoaching: async (_parent, { id }, ctx) => {
      const viewer = requireViewer(ctx);
      const relationshipId = checkId(id);
      const trainer = await viewerTrainer(ctx, deps);
      return endCoaching(deps, { userId: viewer.userId, trainerId: trainer?.id ?? null }, relationshipId);
    },

    createHabit: (_parent, { input }, ctx) => createHabit(deps, requireViewer(ctx).userId, input),

    updateHabit: (_parent, { id, input }, ctx) =>
      updateHabit(deps, requireViewer(ctx).userId, checkId(id), input),

    archiveHabit: (_parent, { id }, ctx) =>
      updateHabit(deps, requireViewer(ctx).userId, checkId(id), { isActive: false }),

    logHabit: (_parent, { input }, ctx) =>
      logHabit(deps, requireViewer(ctx).userId, {
        ...input,
        habitId: checkId(input.habitId, 'habitId'),
        date: input.date == null ? null : isoDate(input.date),
      }),
  };
}
