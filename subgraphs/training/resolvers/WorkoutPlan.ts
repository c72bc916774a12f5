import { fromStored } from '../../../kit/stored-enums.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import { viewPlan } from '../access.js';
import type {
  Difficulty,
  WorkoutPlanExerciseResolvers,
  WorkoutPlanResolvers,
  WorkoutPlanVersionResolvers,
} from '../generated/resolvers-types.js';
import { exerciseById, planById, planExercises, trainerById } from '../loaders.js';
import type { PlanExerciseModel, PlanModel } from '../models.js';
import type { TrainingDeps } from '../deps.js';
import type { WorkoutPlanVersionRow } from '../tables.js';

/** The content fields as this viewer reads them: the working copy or the published snapshot. */
const content = (plan: PlanModel) => (plan.view === 'draft' ? plan.row : plan.published!);

export function workoutPlanResolvers(deps: TrainingDeps): WorkoutPlanResolvers<RequestContext, PlanModel> {
  const db = deps.database.db;
  return {
    __resolveReference: async (reference, ctx) =>
      viewPlan(ctx, deps, await planById(ctx, db).load(reference.id)),
    id: (plan) => plan.row.id,
    trainer: async (plan, _args, ctx) => (await trainerById(ctx, db).load(plan.row.trainerId))!,
    name: (plan) => content(plan).name,
    description: (plan) => content(plan).description,
    difficulty: (plan) => fromStored<Difficulty>(content(plan).difficultyLevel),
    durationWeeks: (plan) => content(plan).durationWeeks,
    targetAudience: (plan) => content(plan).targetAudience,
    exercises: async (plan, _args, ctx) =>
      plan.view === 'draft' ? planExercises(ctx, db).load(plan.row.id) : plan.published!.exercises,
    version: (plan) => plan.row.version,
    isPublished: (plan) => plan.row.isPublished,
    hasUnpublishedChanges: (plan) => (plan.view === 'draft' ? plan.row.hasUnpublishedChanges : null),
    publishedVersion: (plan) => plan.published,
    createdAt: (plan) => plan.row.createdAt,
    publishedAt: (plan) => plan.row.publishedAt,
  };
}

export function workoutPlanExerciseResolvers(
  deps: TrainingDeps,
): WorkoutPlanExerciseResolvers<RequestContext, PlanExerciseModel> {
  return {
    exercise: async (line, _args, ctx) => (await exerciseById(ctx, deps.database.db).load(line.exerciseId))!,
    weightKg: (line) => (line.weightKg === null ? null : Number(line.weightKg)),
    // The column is the model's sequence_num; the API says sequenceNumber everywhere.
    sequenceNumber: (line) => line.sequenceNum,
  };
}

export function workoutPlanVersionResolvers(): WorkoutPlanVersionResolvers<
  RequestContext,
  WorkoutPlanVersionRow
> {
  return {
    difficulty: (version) => fromStored<Difficulty>(version.difficultyLevel),
  };
}
