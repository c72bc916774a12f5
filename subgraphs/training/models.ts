import type { PublishedExercise, WorkoutPlanRow, WorkoutPlanVersionRow } from './tables.js';

/** A User stub: training knows a user only by id. */
export interface UserRef {
  id: string;
}

/**
 * A plan as one viewer sees it: the trainer and admins read the working copy, everyone else the
 * latest published version (`published`), which must then exist.
 */
export interface PlanModel {
  row: WorkoutPlanRow;
  view: 'draft' | 'published';
  published: WorkoutPlanVersionRow | null;
}

/** An exercise line, from the working copy or from a published snapshot. */
export type PlanExerciseModel = PublishedExercise;
