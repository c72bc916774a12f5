import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { outboxTable, processedEventsTable } from '../../kit/events/outbox.js';
import { userTimeZonesTable } from '../../kit/time-zones.js';

export const training = pgSchema('training');

/**
 * trainers as the seed has it: a user's trainer profile (1:1 optional). The foreign key to
 * identity.users is written in a SQL migration; user_id becomes null when the account is deleted,
 * so the trainer's published plans stay, detached from the person.
 *
 * rating is the average of every rating on the trainer's published content items (content owns
 * the ratings; courses are not rated themselves), ratings_count how many ratings that is. Content
 * reports both in `content.trainer_rating_changed` whenever they change, and training's consumer
 * stores them here (subgraphs/training/trainer-rating.ts). Null while nobody has rated.
 *
 * Enum-like columns hold lower-case values, as in every subgraph (kit/stored-enums.ts).
 */
export const trainers = training.table(
  'trainers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id'),
    specializations: jsonb('specializations').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    certificationLevel: varchar('certification_level', { length: 32 }).notNull(),
    rating: numeric('rating', { precision: 3, scale: 2 }),
    ratingsCount: integer('ratings_count').notNull().default(0),
    // When content computed rating/ratings_count: an older report never overwrites a newer one.
    ratingUpdatedAt: timestamp('rating_updated_at', { withTimezone: true }),
    verified: boolean('verified').notNull().default(false),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('trainers_user_id_key').on(t.userId),
    index('trainers_verified_created_at_idx').on(t.verified, t.createdAt),
    check(
      'trainers_certification_level_known',
      sql`${t.certificationLevel} in ('basic','advanced','master')`,
    ),
    check('trainers_rating_range', sql`${t.rating} is null or (${t.rating} >= 0 and ${t.rating} <= 5)`),
    check(
      'trainers_rating_count_consistent',
      sql`${t.ratingsCount} >= 0 and (${t.rating} is null) = (${t.ratingsCount} = 0)`,
    ),
  ],
);
export type TrainerRow = typeof trainers.$inferSelect;

/** The shared exercise catalogue; seeded by a migration, names globally unique ignoring case. */
export const exercises = training.table(
  'exercises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 120 }).notNull(),
    category: varchar('category', { length: 32 }).notNull(),
    equipment: jsonb('equipment').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    difficulty: varchar('difficulty', { length: 16 }).notNull(),
    muscleGroups: jsonb('muscle_groups').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    videoUrl: varchar('video_url', { length: 500 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('exercises_name_lower_key').on(sql`lower(${t.name})`),
    index('exercises_category_name_idx').on(t.category, t.name),
    index('exercises_equipment_gin_idx').using('gin', t.equipment),
    index('exercises_muscle_groups_gin_idx').using('gin', t.muscleGroups),
    check(
      'exercises_category_known',
      sql`${t.category} in ('strength','cardio','flexibility','balance','plyometrics','core')`,
    ),
    check('exercises_difficulty_known', sql`${t.difficulty} in ('beginner','intermediate','advanced')`),
  ],
);
export type ExerciseRow = typeof exercises.$inferSelect;

/**
 * workout_plans: the trainer's working copy. Publishing snapshots it into
 * workout_plan_versions and bumps `version`; athletes follow the published snapshot while the
 * trainer edits the working copy.
 */
export const workoutPlans = training.table(
  'workout_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainerId: uuid('trainer_id')
      .notNull()
      .references(() => trainers.id),
    name: varchar('name', { length: 120 }).notNull(),
    description: text('description'),
    difficultyLevel: varchar('difficulty_level', { length: 16 }).notNull(),
    durationWeeks: integer('duration_weeks').notNull(),
    targetAudience: varchar('target_audience', { length: 64 }),
    version: integer('version').notNull().default(0),
    isPublished: boolean('is_published').notNull().default(false),
    hasUnpublishedChanges: boolean('has_unpublished_changes').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('workout_plans_trainer_id_is_published_idx').on(t.trainerId, t.isPublished),
    index('workout_plans_difficulty_level_created_at_idx').on(t.difficultyLevel, t.createdAt),
    check(
      'workout_plans_difficulty_known',
      sql`${t.difficultyLevel} in ('beginner','intermediate','advanced')`,
    ),
    check('workout_plans_duration_range', sql`${t.durationWeeks} between 1 and 104`),
    check('workout_plans_version_nonnegative', sql`${t.version} >= 0`),
  ],
);
export type WorkoutPlanRow = typeof workoutPlans.$inferSelect;

/** The exercises of a plan's working copy, in order; they go with the plan. */
export const workoutPlanExercises = training.table(
  'workout_plan_exercises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workoutPlanId: uuid('workout_plan_id')
      .notNull()
      .references(() => workoutPlans.id, { onDelete: 'cascade' }),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id),
    sequenceNum: integer('sequence_num').notNull(),
    sets: integer('sets').notNull(),
    reps: integer('reps').notNull(),
    weightKg: numeric('weight_kg', { precision: 6, scale: 2 }),
    restSeconds: integer('rest_seconds').notNull().default(60),
  },
  (t) => [
    unique('workout_plan_exercises_plan_sequence_key').on(t.workoutPlanId, t.sequenceNum),
    index('workout_plan_exercises_exercise_id_idx').on(t.exerciseId),
    check('workout_plan_exercises_sequence_positive', sql`${t.sequenceNum} > 0`),
    check('workout_plan_exercises_sets_range', sql`${t.sets} between 1 and 50`),
    check('workout_plan_exercises_reps_range', sql`${t.reps} between 1 and 1000`),
    check('workout_plan_exercises_weight_range', sql`${t.weightKg} is null or ${t.weightKg} >= 0`),
    check('workout_plan_exercises_rest_range', sql`${t.restSeconds} between 0 and 3600`),
  ],
);
export type WorkoutPlanExerciseRow = typeof workoutPlanExercises.$inferSelect;

/** One exercise line as a published version froze it. */
export interface PublishedExercise {
  id: string;
  exerciseId: string;
  sequenceNum: number;
  sets: number;
  reps: number;
  weightKg: string | null;
  restSeconds: number;
}

/**
 * Addition to the seed: each published version of a plan, frozen, so a session can say exactly
 * what it followed and later edits never change history.
 */
export const workoutPlanVersions = training.table(
  'workout_plan_versions',
  {
    workoutPlanId: uuid('workout_plan_id')
      .notNull()
      .references(() => workoutPlans.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    name: varchar('name', { length: 120 }).notNull(),
    description: text('description'),
    difficultyLevel: varchar('difficulty_level', { length: 16 }).notNull(),
    durationWeeks: integer('duration_weeks').notNull(),
    targetAudience: varchar('target_audience', { length: 64 }),
    exercises: jsonb('exercises').$type<PublishedExercise[]>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workoutPlanId, t.version] }),
    index('workout_plan_versions_catalogue_idx').on(t.difficultyLevel, t.durationWeeks),
    check(
      'workout_plan_versions_difficulty_known',
      sql`${t.difficultyLevel} in ('beginner','intermediate','advanced')`,
    ),
  ],
);
export type WorkoutPlanVersionRow = typeof workoutPlanVersions.$inferSelect;

/** A user's workout: IN_PROGRESS, then COMPLETED or ABANDONED. */
export const workoutSessions = training.table(
  'workout_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    // Null for a free workout that follows no plan.
    workoutPlanId: uuid('workout_plan_id').references(() => workoutPlans.id),
    workoutPlanVersion: integer('workout_plan_version'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    status: varchar('status', { length: 16 }).notNull().default('in_progress'),
    durationSeconds: integer('duration_seconds'),
    intensityLevel: varchar('intensity_level', { length: 16 }),
    notes: text('notes'),
  },
  (t) => [
    index('workout_sessions_user_id_started_at_idx').on(t.userId, t.startedAt),
    index('workout_sessions_workout_plan_id_idx').on(t.workoutPlanId),
    check('workout_sessions_status_known', sql`${t.status} in ('in_progress','completed','abandoned')`),
    check(
      'workout_sessions_intensity_known',
      sql`${t.intensityLevel} is null or ${t.intensityLevel} in ('low','moderate','high','maximal')`,
    ),
    check(
      'workout_sessions_plan_version_together',
      sql`(${t.workoutPlanId} is null) = (${t.workoutPlanVersion} is null)`,
    ),
    check(
      'workout_sessions_completed_shape',
      sql`(${t.status} = 'completed') = (${t.completedAt} is not null and ${t.durationSeconds} is not null)`,
    ),
  ],
);
export type WorkoutSessionRow = typeof workoutSessions.$inferSelect;

export const habits = training.table(
  'habits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    category: varchar('category', { length: 50 }),
    targetValue: integer('target_value'),
    unit: varchar('unit', { length: 32 }),
    frequencyPerWeek: integer('frequency_per_week').notNull().default(7),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('habits_user_id_is_active_idx').on(t.userId, t.isActive),
    check('habits_frequency_range', sql`${t.frequencyPerWeek} between 1 and 7`),
    check('habits_target_value_positive', sql`${t.targetValue} is null or ${t.targetValue} > 0`),
  ],
);
export type HabitRow = typeof habits.$inferSelect;

export const habitLogs = training.table(
  'habit_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    habitId: uuid('habit_id')
      .notNull()
      .references(() => habits.id, { onDelete: 'cascade' }),
    loggedDate: date('logged_date', { mode: 'string' }).notNull(),
    value: integer('value'),
    completed: boolean('completed').notNull().default(true),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('habit_logs_habit_id_logged_date_key').on(t.habitId, t.loggedDate),
    check('habit_logs_value_nonnegative', sql`${t.value} is null or ${t.value} >= 0`),
  ],
);
export type HabitLogRow = typeof habitLogs.$inferSelect;

/**
 * Addition to the seed: a client's consent to be coached. The client hires a verified trainer and
 * so shares their habits, workout sessions, health summary and subscription plan with them until
 * either side ends it (ended_at). One active relationship per pair; ended ones stay as history.
 * The foreign key to identity.users is written in a SQL migration.
 */
export const trainerClients = training.table(
  'trainer_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainerId: uuid('trainer_id')
      .notNull()
      .references(() => trainers.id),
    userId: uuid('user_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('trainer_clients_active_pair_key').on(t.trainerId, t.userId).where(sql`${t.endedAt} is null`),
    // Trainer.clients: a trainer's active clients, newest first.
    index('trainer_clients_trainer_active_idx')
      .on(t.trainerId, t.startedAt.desc(), t.id.desc())
      .where(sql`${t.endedAt} is null`),
    index('trainer_clients_user_id_idx').on(t.userId),
    check('trainer_clients_ended_after_start', sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
  ],
);
export type TrainerClientRow = typeof trainerClients.$inferSelect;

export const outbox = outboxTable(training);
export const processedEvents = processedEventsTable(training);
/** Identity's users' time zones (kit/time-zones.ts): habit days and streaks follow them. */
export const userTimeZones = userTimeZonesTable(training);
