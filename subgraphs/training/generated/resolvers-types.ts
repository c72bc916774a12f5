import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserRef as UserRefModel, PlanModel as PlanModelModel, PlanExerciseModel as PlanExerciseModelModel } from '../models.js';
import type { TrainerRow as TrainerRowModel, ExerciseRow as ExerciseRowModel, WorkoutPlanVersionRow as WorkoutPlanVersionRowModel, WorkoutSessionRow as WorkoutSessionRowModel, HabitRow as HabitRowModel, HabitLogRow as HabitLogRowModel, TrainerClientRow as TrainerClientRowModel } from '../tables.js';
import type { RequestContext } from '../../../kit/subgraph.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, as YYYY-MM-DD. */
  Date: { input: Date; output: Date | string; }
  /** An instant in UTC, as an ISO 8601 string (e.g. 2026-11-27T14:00:00Z). */
  DateTime: { input: Date; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** An exercise line to add to a plan. */
export type AddWorkoutPlanExerciseInput = {
  /** The exercise from the catalogue. */
  exerciseId: Scalars['ID']['input'];
  /** Repetitions per set, 1-1000. */
  reps: Scalars['Int']['input'];
  /** Rest between sets in seconds, 0-3600 (default 60). */
  restSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Position, from 1; must be free in the plan. Left out: after the last line. */
  sequenceNumber?: InputMaybe<Scalars['Int']['input']>;
  /** Number of sets, 1-50. */
  sets: Scalars['Int']['input'];
  /** Load in kilograms, 0-1000; null for bodyweight. */
  weightKg?: InputMaybe<Scalars['Float']['input']>;
};

/** An application to become a trainer. */
export type ApplyAsTrainerInput = {
  /** Your certification. */
  certificationLevel: CertificationLevel;
  /** What you specialize in, 1-10 entries of up to 50 characters. */
  specializations: Array<Scalars['String']['input']>;
};

/** A trainer's certification, as they declare it when applying; an admin checks it on verification. */
export type CertificationLevel =
  /** An advanced or specialist certificate. */
  | 'ADVANCED'
  /** An entry-level personal trainer certificate. */
  | 'BASIC'
  /** A master trainer or equivalent. */
  | 'MASTER';

/** How a workout went. */
export type CompleteWorkoutSessionInput = {
  /** How hard it felt. */
  intensityLevel: IntensityLevel;
  /** Notes, up to 2000 characters; replaces the notes given at start when present. */
  notes?: InputMaybe<Scalars['String']['input']>;
};

/** A new habit. */
export type CreateHabitInput = {
  /** Free grouping, up to 50 characters. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Days per week, 1-7 (default 7). */
  frequencyPerWeek?: InputMaybe<Scalars['Int']['input']>;
  /** Name, 1-100 characters. */
  name: Scalars['String']['input'];
  /** The amount to reach on a day, positive. */
  targetValue?: InputMaybe<Scalars['Int']['input']>;
  /** The unit of targetValue, up to 32 characters. */
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** A new plan. */
export type CreateWorkoutPlanInput = {
  /** Description, up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** How hard it is. */
  difficulty: Difficulty;
  /** How many weeks it runs, 1-104. */
  durationWeeks: Scalars['Int']['input'];
  /** Name, 1-120 characters. */
  name: Scalars['String']['input'];
  /** Who it is for, up to 64 characters. */
  targetAudience?: InputMaybe<Scalars['String']['input']>;
};

/** How hard an exercise or a plan is. */
export type Difficulty =
  /** Needs solid technique and conditioning. */
  | 'ADVANCED'
  /** No prior training needed. */
  | 'BEGINNER'
  /** For people who train regularly. */
  | 'INTERMEDIATE';

/** A movement from the shared catalogue. */
export type Exercise = {
  __typename?: 'Exercise';
  /** The kind of training. */
  category: ExerciseCategory;
  /** How hard it is. */
  difficulty: Difficulty;
  /** Equipment needed, lower-case (e.g. barbell, bench); empty for bodyweight movements. */
  equipment: Array<Scalars['String']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Muscle groups it works, lower-case (e.g. quadriceps, glutes). */
  muscleGroups: Array<Scalars['String']['output']>;
  /** Unique name, e.g. Barbell Back Squat. */
  name: Scalars['String']['output'];
  /** A demonstration video. */
  videoUrl?: Maybe<Scalars['String']['output']>;
};

/** The kind of training an exercise belongs to. */
export type ExerciseCategory =
  /** Stability and balance work. */
  | 'BALANCE'
  /** Endurance and conditioning work. */
  | 'CARDIO'
  /** Trunk and abdominal work. */
  | 'CORE'
  /** Stretching and range of motion. */
  | 'FLEXIBILITY'
  /** Jumps and explosive movements. */
  | 'PLYOMETRICS'
  /** Resistance training for force and muscle. */
  | 'STRENGTH';

/** A page of exercises. */
export type ExerciseConnection = {
  __typename?: 'ExerciseConnection';
  /** The exercises on this page, by name. */
  nodes: Array<Exercise>;
  /** Where the next page starts. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** Narrows the exercise catalogue; every field given must match. */
export type ExerciseFilter = {
  /** Only this category. */
  category?: InputMaybe<ExerciseCategory>;
  /** Only this difficulty. */
  difficulty?: InputMaybe<Difficulty>;
  /** Only exercises that use this piece of equipment (case-insensitive). */
  equipment?: InputMaybe<Scalars['String']['input']>;
  /** Only exercises that work this muscle group (case-insensitive). */
  muscleGroup?: InputMaybe<Scalars['String']['input']>;
  /** Only exercises whose name contains this text (case-insensitive, up to 100 characters). */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** Something a user wants to do regularly, with its daily logs. */
export type Habit = {
  __typename?: 'Habit';
  /** The longest streak ever reached, in the same unit. */
  bestStreak: Scalars['Int']['output'];
  /** Free grouping, e.g. sleep, nutrition. */
  category?: Maybe<Scalars['String']['output']>;
  /**
   * Completed days over expected days in [from, to] (inclusive), from 0 to 1, where a habit of N
   * per week is expected N times per 7 days. The range spans at most 366 days.
   */
  completionRate: Scalars['Float']['output'];
  /** When the habit was created. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * The running streak: consecutive days completed (daily habits) or consecutive ISO weeks with at
   * least frequencyPerWeek completed days. Today, or this week, not done yet does not break it.
   * Days are the owner's calendar days (User.timeZone).
   */
  currentStreak: Scalars['Int']['output'];
  /** Days per week the habit should be done, 1-7. */
  frequencyPerWeek: Scalars['Int']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** False once archived. */
  isActive: Scalars['Boolean']['output'];
  /** The logs in [from, to] (inclusive, at most 366 days), oldest first. */
  logs: Array<HabitLog>;
  /** Name, up to 100 characters. */
  name: Scalars['String']['output'];
  /** What the streaks are counted in: days for a daily habit, ISO weeks otherwise. */
  streakUnit: StreakUnit;
  /** The amount to reach on a day, in `unit`. */
  targetValue?: Maybe<Scalars['Int']['output']>;
  /** The unit of `targetValue` and log values, e.g. glasses, minutes. */
  unit?: Maybe<Scalars['String']['output']>;
  /** Whose habit it is. */
  user: User;
};


/** Something a user wants to do regularly, with its daily logs. */
export type HabitCompletionRateArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


/** Something a user wants to do regularly, with its daily logs. */
export type HabitLogsArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};

/** A page of habits. */
export type HabitConnection = {
  __typename?: 'HabitConnection';
  /** The habits on this page, oldest first. */
  nodes: Array<Habit>;
  /** Where the next page starts. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** What a user recorded for a habit on one day. */
export type HabitLog = {
  __typename?: 'HabitLog';
  /** Whether the day counts as done. */
  completed: Scalars['Boolean']['output'];
  /** When the day was first logged. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The day. */
  loggedDate: Scalars['Date']['output'];
  /** The user's notes. */
  notes?: Maybe<Scalars['String']['output']>;
  /** When the log last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The amount done, in the habit's unit. */
  value?: Maybe<Scalars['Int']['output']>;
};

/** How hard a completed session felt. */
export type IntensityLevel =
  /** Hard effort. */
  | 'HIGH'
  /** Easy; could talk throughout. */
  | 'LOW'
  /** All-out. */
  | 'MAXIMAL'
  /** Steady effort. */
  | 'MODERATE';

/** One day of a habit. */
export type LogHabitInput = {
  /** Whether the day counts as done (default true). */
  completed?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * The day on the owner's calendar (User.timeZone); today there when left out. Not after that
   * today and not more than 366 days back.
   */
  date?: InputMaybe<Scalars['Date']['input']>;
  /** The habit. */
  habitId: Scalars['ID']['input'];
  /** Notes, up to 1000 characters. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The amount done, not negative. */
  value?: InputMaybe<Scalars['Int']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Abandons an in-progress session of the signed-in user. */
  abandonWorkoutSession: WorkoutSession;
  /** The plan's trainer: adds an exercise to the working copy, at the end unless sequenceNumber is given. */
  addWorkoutPlanExercise: WorkoutPlan;
  /** Applies to become a trainer; an admin verifies the application. One profile per user. */
  applyAsTrainer: Trainer;
  /** Archives a habit: it stops showing unless includeArchived; its logs stay. */
  archiveHabit: Habit;
  /** Completes an in-progress session of the signed-in user; the duration is computed. */
  completeWorkoutSession: WorkoutSession;
  /** Creates a habit for the signed-in user (at most 100 active habits). */
  createHabit: Habit;
  /** Verified trainers: creates a draft plan. */
  createWorkoutPlan: WorkoutPlan;
  /** The plan's trainer: soft-deletes the plan; sessions that followed it keep their history. */
  deleteWorkoutPlan: Scalars['Boolean']['output'];
  /**
   * Ends an active coaching relationship; the client or the trainer may end it. The trainer's
   * access to the client's data ends with it.
   */
  endCoaching: TrainerClient;
  /**
   * Hires a verified trainer as the signed-in user's coach. This is the user's consent: while the
   * relationship is active the trainer reads the user's habits, workout sessions, health summary
   * and subscription plan. Hiring a trainer who already coaches the user returns that relationship
   * unchanged. A trainer cannot hire themself.
   */
  hireTrainer: TrainerClient;
  /** Logs a day of a habit; a second log for the same day replaces the first. */
  logHabit: HabitLog;
  /** The plan's trainer: publishes the working copy as the next version (version + 1). */
  publishWorkoutPlan: WorkoutPlan;
  /** The plan's trainer: removes one exercise line. */
  removeWorkoutPlanExercise: WorkoutPlan;
  /**
   * The plan's trainer: puts the plan's exercise lines in the given order, numbered 1..n, all at
   * once. The list must name every line of the plan exactly once.
   */
  reorderWorkoutPlanExercises: WorkoutPlan;
  /** Starts a workout, from a published plan's latest version or free (no plan). */
  startWorkoutSession: WorkoutSession;
  /** Changes a habit of the signed-in user; fields left out stay as they are. */
  updateHabit: Habit;
  /** The plan's trainer: changes the working copy; fields left out stay as they are. */
  updateWorkoutPlan: WorkoutPlan;
  /** The plan's trainer: changes one exercise line's prescription. */
  updateWorkoutPlanExercise: WorkoutPlan;
  /** Admins: verifies a trainer, who may then create workout plans. */
  verifyTrainer: Trainer;
};


export type MutationAbandonWorkoutSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAddWorkoutPlanExerciseArgs = {
  input: AddWorkoutPlanExerciseInput;
  workoutPlanId: Scalars['ID']['input'];
};


export type MutationApplyAsTrainerArgs = {
  input: ApplyAsTrainerInput;
};


export type MutationArchiveHabitArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCompleteWorkoutSessionArgs = {
  id: Scalars['ID']['input'];
  input: CompleteWorkoutSessionInput;
};


export type MutationCreateHabitArgs = {
  input: CreateHabitInput;
};


export type MutationCreateWorkoutPlanArgs = {
  input: CreateWorkoutPlanInput;
};


export type MutationDeleteWorkoutPlanArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEndCoachingArgs = {
  id: Scalars['ID']['input'];
};


export type MutationHireTrainerArgs = {
  trainerId: Scalars['ID']['input'];
};


export type MutationLogHabitArgs = {
  input: LogHabitInput;
};


export type MutationPublishWorkoutPlanArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveWorkoutPlanExerciseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReorderWorkoutPlanExercisesArgs = {
  exerciseIds: Array<Scalars['ID']['input']>;
  workoutPlanId: Scalars['ID']['input'];
};


export type MutationStartWorkoutSessionArgs = {
  input: StartWorkoutSessionInput;
};


export type MutationUpdateHabitArgs = {
  id: Scalars['ID']['input'];
  input: UpdateHabitInput;
};


export type MutationUpdateWorkoutPlanArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWorkoutPlanInput;
};


export type MutationUpdateWorkoutPlanExerciseArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWorkoutPlanExerciseInput;
};


export type MutationVerifyTrainerArgs = {
  trainerId: Scalars['ID']['input'];
};

/** A page of a list: where the next page starts and whether there is one. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One exercise. */
  exercise?: Maybe<Exercise>;
  /** The exercise catalogue by name, filtered. */
  exercises: ExerciseConnection;
  /** One of the signed-in user's habits (admins: anyone's). */
  habit?: Maybe<Habit>;
  /** The signed-in user's trainer profile, verified or still waiting for verification. */
  myTrainerProfile?: Maybe<Trainer>;
  /** One trainer; an unverified one only for themselves and admins. */
  trainer?: Maybe<Trainer>;
  /** Admins: trainers waiting for verification, oldest first. */
  trainerApplications: TrainerConnection;
  /** Verified trainers, newest first. */
  trainers: TrainerConnection;
  /** One plan, as the viewer may see it (see WorkoutPlan). */
  workoutPlan?: Maybe<WorkoutPlan>;
  /** The public catalogue of published plans, newest published first. */
  workoutPlans: WorkoutPlanConnection;
  /** One of the signed-in user's sessions (admins: anyone's). */
  workoutSession?: Maybe<WorkoutSession>;
};


export type QueryExerciseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExercisesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ExerciseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryHabitArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTrainerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTrainerApplicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTrainersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWorkoutPlanArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWorkoutPlansArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkoutPlanFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWorkoutSessionArgs = {
  id: Scalars['ID']['input'];
};

/** How to start a workout. */
export type StartWorkoutSessionInput = {
  /** Notes, up to 2000 characters. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The published plan to follow; left out for a free workout. */
  workoutPlanId?: InputMaybe<Scalars['ID']['input']>;
};

/** What a habit's streaks are counted in. */
export type StreakUnit =
  /** Consecutive days (habits done every day). */
  | 'DAY'
  /** Consecutive ISO weeks (Monday to Sunday) with at least frequencyPerWeek completions. */
  | 'WEEK';

/**
 * Live updates over WebSocket (graphql-ws at the gateway's /graphql; see docs/subscriptions.md).
 * Each event is authorized for the subscriber when it is delivered.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * A workout session of the user was started, completed or abandoned. The user is the viewer
   * (the default) or a client the viewer actively coaches; a coach whose relationship ends stops
   * receiving at once.
   */
  workoutSessionUpdated: WorkoutSession;
};


/**
 * Live updates over WebSocket (graphql-ws at the gateway's /graphql; see docs/subscriptions.md).
 * Each event is authorized for the subscriber when it is delivered.
 */
export type SubscriptionWorkoutSessionUpdatedArgs = {
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** A trainer: a user whose application an admin verified, or is yet to verify. */
export type Trainer = {
  __typename?: 'Trainer';
  /** The declared certification. */
  certificationLevel: CertificationLevel;
  /**
   * The trainer's current clients, newest first. Only the trainer themself sees them: anyone else,
   * admins included, gets null and a FORBIDDEN error.
   */
  clients?: Maybe<TrainerClientConnection>;
  /** When the trainer applied. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The average of every rating on the trainer's published content items (1 to 5, two decimals), kept by the content subgraph's ratings; null until rated. */
  rating?: Maybe<Scalars['Float']['output']>;
  /** What the trainer specializes in, e.g. strength, mobility. */
  specializations: Array<Scalars['String']['output']>;
  /** The person; null once their account is deleted (their published plans stay). */
  user?: Maybe<User>;
  /** True once an admin verified the trainer; only verified trainers create plans. */
  verified: Scalars['Boolean']['output'];
  /** When an admin verified the trainer. */
  verifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * The trainer's plans, newest first: published ones for everyone; drafts too for the trainer
   * and admins. Deleted plans never appear.
   */
  workoutPlans: WorkoutPlanConnection;
};


/** A trainer: a user whose application an admin verified, or is yet to verify. */
export type TrainerClientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A trainer: a user whose application an admin verified, or is yet to verify. */
export type TrainerWorkoutPlansArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A client's consent to be coached: the client hired the trainer (hireTrainer) and, until either of
 * them ends it (endCoaching), shares their habits, workout sessions, health summary and subscription
 * plan with that trainer. Visible to its two parties only. Other subgraphs add the client's data to
 * it through the `trainerId userId` key and serve it only to that trainer and to the client.
 */
export type TrainerClient = {
  __typename?: 'TrainerClient';
  /** When either side ended the relationship; null while it is active. */
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * The client's habits, oldest first (as User.habits). The trainer sees them while the
   * relationship is active, the client always; anyone else gets null and a FORBIDDEN error.
   */
  habits?: Maybe<HabitConnection>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** When the client hired the trainer. */
  startedAt: Scalars['DateTime']['output'];
  /** The trainer. */
  trainer: Trainer;
  /** The trainer's id (internal: the key other subgraphs authorize on). */
  trainerId: Scalars['ID']['output'];
  /** The client. */
  user: User;
  /** The client's user id (internal: the key other subgraphs authorize on). */
  userId: Scalars['ID']['output'];
  /**
   * The client's workout sessions, newest first (as User.workoutSessions). The trainer sees them
   * while the relationship is active, the client always; anyone else gets null and a FORBIDDEN
   * error.
   */
  workoutSessions?: Maybe<WorkoutSessionConnection>;
};


/**
 * A client's consent to be coached: the client hired the trainer (hireTrainer) and, until either of
 * them ends it (endCoaching), shares their habits, workout sessions, health summary and subscription
 * plan with that trainer. Visible to its two parties only. Other subgraphs add the client's data to
 * it through the `trainerId userId` key and serve it only to that trainer and to the client.
 */
export type TrainerClientHabitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * A client's consent to be coached: the client hired the trainer (hireTrainer) and, until either of
 * them ends it (endCoaching), shares their habits, workout sessions, health summary and subscription
 * plan with that trainer. Visible to its two parties only. Other subgraphs add the client's data to
 * it through the `trainerId userId` key and serve it only to that trainer and to the client.
 */
export type TrainerClientWorkoutSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of a trainer's clients. */
export type TrainerClientConnection = {
  __typename?: 'TrainerClientConnection';
  /** The relationships on this page, newest first. */
  nodes: Array<TrainerClient>;
  /** Where the next page starts. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** A page of trainers. */
export type TrainerConnection = {
  __typename?: 'TrainerConnection';
  /** The trainers on this page. */
  nodes: Array<Trainer>;
  /** Where the next page starts. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** Changes to a habit; a field left out keeps its value, an explicit null clears it. */
export type UpdateHabitInput = {
  /** Free grouping, up to 50 characters. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Days per week, 1-7. */
  frequencyPerWeek?: InputMaybe<Scalars['Int']['input']>;
  /** False archives the habit, true restores it. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Name, 1-100 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The amount to reach on a day, positive. */
  targetValue?: InputMaybe<Scalars['Int']['input']>;
  /** The unit of targetValue, up to 32 characters. */
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to an exercise line; a field left out keeps its value. */
export type UpdateWorkoutPlanExerciseInput = {
  /** Repetitions per set, 1-1000. */
  reps?: InputMaybe<Scalars['Int']['input']>;
  /** Rest between sets in seconds, 0-3600. */
  restSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Number of sets, 1-50. */
  sets?: InputMaybe<Scalars['Int']['input']>;
  /** Load in kilograms, 0-1000; an explicit null makes it bodyweight. */
  weightKg?: InputMaybe<Scalars['Float']['input']>;
};

/** Changes to a plan's working copy; a field left out keeps its value, an explicit null clears it. */
export type UpdateWorkoutPlanInput = {
  /** Description, up to 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** How hard it is. */
  difficulty?: InputMaybe<Difficulty>;
  /** How many weeks it runs, 1-104. */
  durationWeeks?: InputMaybe<Scalars['Int']['input']>;
  /** Name, 1-120 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Who it is for, up to 64 characters. */
  targetAudience?: InputMaybe<Scalars['String']['input']>;
};

/** A person with an account; identity owns it, training adds the fields below. */
export type User = {
  __typename?: 'User';
  /**
   * The trainers the user hired and has not let go, newest first: who can see the user's habits,
   * workout sessions, health summary and subscription plan now. Only the user sees it; anyone
   * else gets null and a FORBIDDEN error.
   */
  coaches?: Maybe<TrainerClientConnection>;
  /**
   * The user's habits, oldest first (at most 100 active ones; archived ones stay). Only the user
   * and admins see them; anyone else gets null and a FORBIDDEN error.
   */
  habits?: Maybe<HabitConnection>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The user's trainer profile, once an admin verified it; null for everyone else. */
  trainer?: Maybe<Trainer>;
  /**
   * The user's workout sessions, newest first. Only the user and admins see them; anyone else
   * gets null and a FORBIDDEN error.
   */
  workoutSessions?: Maybe<WorkoutSessionConnection>;
};


/** A person with an account; identity owns it, training adds the fields below. */
export type UserCoachesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person with an account; identity owns it, training adds the fields below. */
export type UserHabitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
};


/** A person with an account; identity owns it, training adds the fields below. */
export type UserWorkoutSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WorkoutSessionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A trainer's workout plan. The trainer and admins see the working copy (what the next publish
 * will release); everyone else sees the published version, and never sees a plan that has none.
 */
export type WorkoutPlan = {
  __typename?: 'WorkoutPlan';
  /** When the plan was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What the plan is about. */
  description?: Maybe<Scalars['String']['output']>;
  /** How hard it is. */
  difficulty: Difficulty;
  /** How many weeks it runs. */
  durationWeeks: Scalars['Int']['output'];
  /** The exercises in order. */
  exercises: Array<WorkoutPlanExercise>;
  /** True when the working copy differs from the latest published version. Trainer and admins only; null for others. */
  hasUnpublishedChanges?: Maybe<Scalars['Boolean']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** True once a version was published. */
  isPublished: Scalars['Boolean']['output'];
  /** Name, up to 120 characters. */
  name: Scalars['String']['output'];
  /** When the latest version was published. */
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The latest published version as athletes follow it; null before the first publish. */
  publishedVersion?: Maybe<WorkoutPlanVersion>;
  /** Who it is for, e.g. beginners, runners. */
  targetAudience?: Maybe<Scalars['String']['output']>;
  /** The trainer who wrote it. */
  trainer: Trainer;
  /** The latest published version number; 0 before the first publish. */
  version: Scalars['Int']['output'];
};

/** A page of workout plans. */
export type WorkoutPlanConnection = {
  __typename?: 'WorkoutPlanConnection';
  /** The plans on this page. */
  nodes: Array<WorkoutPlan>;
  /** Where the next page starts. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** One exercise in a plan, with its prescription. */
export type WorkoutPlanExercise = {
  __typename?: 'WorkoutPlanExercise';
  /** The exercise. */
  exercise: Exercise;
  /** Stable identifier of this line; use it to update, remove and reorder. */
  id: Scalars['ID']['output'];
  /** Repetitions per set. */
  reps: Scalars['Int']['output'];
  /** Rest between sets, in seconds. */
  restSeconds: Scalars['Int']['output'];
  /** Position in the plan, from 1; unique within the plan. */
  sequenceNumber: Scalars['Int']['output'];
  /** Number of sets. */
  sets: Scalars['Int']['output'];
  /** Load per repetition in kilograms; null for bodyweight. */
  weightKg?: Maybe<Scalars['Float']['output']>;
};

/** Narrows the public catalogue of published plans; every field given must match the published version. */
export type WorkoutPlanFilter = {
  /** Only this difficulty. */
  difficulty?: InputMaybe<Difficulty>;
  /** Only plans of at most this many weeks. */
  maxDurationWeeks?: InputMaybe<Scalars['Int']['input']>;
  /** Only plans of at least this many weeks. */
  minDurationWeeks?: InputMaybe<Scalars['Int']['input']>;
  /** Only this target audience (case-insensitive). */
  targetAudience?: InputMaybe<Scalars['String']['input']>;
  /** Only this trainer's plans. */
  trainerId?: InputMaybe<Scalars['ID']['input']>;
};

/** A published version of a plan, frozen: later edits never change it. */
export type WorkoutPlanVersion = {
  __typename?: 'WorkoutPlanVersion';
  /** Description at publish time. */
  description?: Maybe<Scalars['String']['output']>;
  /** Difficulty at publish time. */
  difficulty: Difficulty;
  /** Duration at publish time. */
  durationWeeks: Scalars['Int']['output'];
  /** The exercises at publish time, in order. */
  exercises: Array<WorkoutPlanExercise>;
  /** Name at publish time. */
  name: Scalars['String']['output'];
  /** When this version was published. */
  publishedAt: Scalars['DateTime']['output'];
  /** Target audience at publish time. */
  targetAudience?: Maybe<Scalars['String']['output']>;
  /** The version number, from 1. */
  version: Scalars['Int']['output'];
};

/** A workout a user did or is doing, from a plan or free. */
export type WorkoutSession = {
  __typename?: 'WorkoutSession';
  /** When it was completed. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Seconds from start to completion. */
  durationSeconds?: Maybe<Scalars['Int']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** How hard it felt. */
  intensityLevel?: Maybe<IntensityLevel>;
  /** The user's notes. */
  notes?: Maybe<Scalars['String']['output']>;
  /** When it started. */
  startedAt: Scalars['DateTime']['output'];
  /** Where the session stands. */
  status: WorkoutSessionStatus;
  /** Who trained. */
  user: User;
  /** The plan followed; null for a free workout. */
  workoutPlan?: Maybe<WorkoutPlan>;
  /** The published version of the plan that was followed; null for a free workout. */
  workoutPlanVersion?: Maybe<WorkoutPlanVersion>;
};

/** A page of workout sessions. */
export type WorkoutSessionConnection = {
  __typename?: 'WorkoutSessionConnection';
  /** The sessions on this page, newest first. */
  nodes: Array<WorkoutSession>;
  /** Where the next page starts. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** Narrows a user's workout sessions. */
export type WorkoutSessionFilter = {
  /** Only sessions started before this instant. */
  startedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only sessions started at or after this instant. */
  startedFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only sessions in this status. */
  status?: InputMaybe<WorkoutSessionStatus>;
};

/** Where a workout session stands. */
export type WorkoutSessionStatus =
  /** Given up before finishing. */
  | 'ABANDONED'
  /** Finished; duration and intensity are recorded. */
  | 'COMPLETED'
  /** Started and not yet finished. */
  | 'IN_PROGRESS';



export type ResolverTypeWrapper<T> = T | Promise<T>;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Exercise: Exercise;
  Habit: Habit;
  Trainer: Trainer;
  TrainerClient: TrainerClient;
  User: User;
  WorkoutPlan: WorkoutPlan;
  WorkoutSession: WorkoutSession;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Exercise:
    ( { __typename: 'Exercise' }
    & GraphQLRecursivePick<FederationTypes['Exercise'], {"id":true}> );
  Habit:
    ( { __typename: 'Habit' }
    & GraphQLRecursivePick<FederationTypes['Habit'], {"id":true}> );
  Trainer:
    ( { __typename: 'Trainer' }
    & GraphQLRecursivePick<FederationTypes['Trainer'], {"id":true}> );
  TrainerClient:
    ( { __typename: 'TrainerClient' }
    & ( GraphQLRecursivePick<FederationTypes['TrainerClient'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['TrainerClient'], {"trainerId":true,"userId":true}> ) );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
  WorkoutPlan:
    ( { __typename: 'WorkoutPlan' }
    & GraphQLRecursivePick<FederationTypes['WorkoutPlan'], {"id":true}> );
  WorkoutSession:
    ( { __typename: 'WorkoutSession' }
    & GraphQLRecursivePick<FederationTypes['WorkoutSession'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AddWorkoutPlanExerciseInput: AddWorkoutPlanExerciseInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ApplyAsTrainerInput: ApplyAsTrainerInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CertificationLevel: CertificationLevel;
  CompleteWorkoutSessionInput: CompleteWorkoutSessionInput;
  CreateHabitInput: CreateHabitInput;
  CreateWorkoutPlanInput: CreateWorkoutPlanInput;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Difficulty: Difficulty;
  Exercise: ResolverTypeWrapper<ExerciseRowModel>;
  ExerciseCategory: ExerciseCategory;
  ExerciseConnection: ResolverTypeWrapper<Omit<ExerciseConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Exercise']>; totalCount: () => Promise<number> }>;
  ExerciseFilter: ExerciseFilter;
  Habit: ResolverTypeWrapper<HabitRowModel>;
  HabitConnection: ResolverTypeWrapper<Omit<HabitConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Habit']>; totalCount: () => Promise<number> }>;
  HabitLog: ResolverTypeWrapper<HabitLogRowModel>;
  IntensityLevel: IntensityLevel;
  LogHabitInput: LogHabitInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  StartWorkoutSessionInput: StartWorkoutSessionInput;
  StreakUnit: StreakUnit;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Trainer: ResolverTypeWrapper<TrainerRowModel>;
  TrainerClient: ResolverTypeWrapper<TrainerClientRowModel>;
  TrainerClientConnection: ResolverTypeWrapper<Omit<TrainerClientConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['TrainerClient']>; totalCount: () => Promise<number> }>;
  TrainerConnection: ResolverTypeWrapper<Omit<TrainerConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Trainer']>; totalCount: () => Promise<number> }>;
  UpdateHabitInput: UpdateHabitInput;
  UpdateWorkoutPlanExerciseInput: UpdateWorkoutPlanExerciseInput;
  UpdateWorkoutPlanInput: UpdateWorkoutPlanInput;
  User: ResolverTypeWrapper<UserRefModel>;
  WorkoutPlan: ResolverTypeWrapper<PlanModelModel>;
  WorkoutPlanConnection: ResolverTypeWrapper<Omit<WorkoutPlanConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['WorkoutPlan']>; totalCount: () => Promise<number> }>;
  WorkoutPlanExercise: ResolverTypeWrapper<PlanExerciseModelModel>;
  WorkoutPlanFilter: WorkoutPlanFilter;
  WorkoutPlanVersion: ResolverTypeWrapper<WorkoutPlanVersionRowModel>;
  WorkoutSession: ResolverTypeWrapper<WorkoutSessionRowModel>;
  WorkoutSessionConnection: ResolverTypeWrapper<Omit<WorkoutSessionConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['WorkoutSession']>; totalCount: () => Promise<number> }>;
  WorkoutSessionFilter: WorkoutSessionFilter;
  WorkoutSessionStatus: WorkoutSessionStatus;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AddWorkoutPlanExerciseInput: AddWorkoutPlanExerciseInput;
  ID: Scalars['ID']['output'];
  Float: Scalars['Float']['output'];
  ApplyAsTrainerInput: ApplyAsTrainerInput;
  String: Scalars['String']['output'];
  CompleteWorkoutSessionInput: CompleteWorkoutSessionInput;
  CreateHabitInput: CreateHabitInput;
  CreateWorkoutPlanInput: CreateWorkoutPlanInput;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Exercise: ExerciseRowModel;
  ExerciseConnection: Omit<ExerciseConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Exercise']>; totalCount: () => Promise<number> };
  ExerciseFilter: ExerciseFilter;
  Habit: HabitRowModel;
  HabitConnection: Omit<HabitConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Habit']>; totalCount: () => Promise<number> };
  HabitLog: HabitLogRowModel;
  LogHabitInput: LogHabitInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  StartWorkoutSessionInput: StartWorkoutSessionInput;
  Subscription: Record<PropertyKey, never>;
  Trainer: TrainerRowModel;
  TrainerClient: TrainerClientRowModel;
  TrainerClientConnection: Omit<TrainerClientConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['TrainerClient']>; totalCount: () => Promise<number> };
  TrainerConnection: Omit<TrainerConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Trainer']>; totalCount: () => Promise<number> };
  UpdateHabitInput: UpdateHabitInput;
  UpdateWorkoutPlanExerciseInput: UpdateWorkoutPlanExerciseInput;
  UpdateWorkoutPlanInput: UpdateWorkoutPlanInput;
  User: UserRefModel;
  WorkoutPlan: PlanModelModel;
  WorkoutPlanConnection: Omit<WorkoutPlanConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['WorkoutPlan']>; totalCount: () => Promise<number> };
  WorkoutPlanExercise: PlanExerciseModelModel;
  WorkoutPlanFilter: WorkoutPlanFilter;
  WorkoutPlanVersion: WorkoutPlanVersionRowModel;
  WorkoutSession: WorkoutSessionRowModel;
  WorkoutSessionConnection: Omit<WorkoutSessionConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['WorkoutSession']>; totalCount: () => Promise<number> };
  WorkoutSessionFilter: WorkoutSessionFilter;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type ExerciseResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Exercise'] = ResolversParentTypes['Exercise'], FederationReferenceType extends FederationReferenceTypes['Exercise'] = FederationReferenceTypes['Exercise']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Exercise']> | FederationReferenceType, FederationReferenceType, ContextType>;
  category?: Resolver<ResolversTypes['ExerciseCategory'], ParentType, ContextType>;
  difficulty?: Resolver<ResolversTypes['Difficulty'], ParentType, ContextType>;
  equipment?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  muscleGroups?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  videoUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ExerciseConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ExerciseConnection'] = ResolversParentTypes['ExerciseConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Exercise']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HabitResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Habit'] = ResolversParentTypes['Habit'], FederationReferenceType extends FederationReferenceTypes['Habit'] = FederationReferenceTypes['Habit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Habit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bestStreak?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  completionRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType, RequireFields<HabitCompletionRateArgs, 'from' | 'to'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currentStreak?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  frequencyPerWeek?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isActive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  logs?: Resolver<Array<ResolversTypes['HabitLog']>, ParentType, ContextType, RequireFields<HabitLogsArgs, 'from' | 'to'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  streakUnit?: Resolver<ResolversTypes['StreakUnit'], ParentType, ContextType>;
  targetValue?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type HabitConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HabitConnection'] = ResolversParentTypes['HabitConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Habit']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HabitLogResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HabitLog'] = ResolversParentTypes['HabitLog']> = {
  completed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  loggedDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  abandonWorkoutSession?: Resolver<ResolversTypes['WorkoutSession'], ParentType, ContextType, RequireFields<MutationAbandonWorkoutSessionArgs, 'id'>>;
  addWorkoutPlanExercise?: Resolver<ResolversTypes['WorkoutPlan'], ParentType, ContextType, RequireFields<MutationAddWorkoutPlanExerciseArgs, 'input' | 'workoutPlanId'>>;
  applyAsTrainer?: Resolver<ResolversTypes['Trainer'], ParentType, ContextType, RequireFields<MutationApplyAsTrainerArgs, 'input'>>;
  archiveHabit?: Resolver<ResolversTypes['Habit'], ParentType, ContextType, RequireFields<MutationArchiveHabitArgs, 'id'>>;
  completeWorkoutSession?: Resolver<ResolversTypes['WorkoutSession'], ParentType, ContextType, RequireFields<MutationCompleteWorkoutSessionArgs, 'id' | 'input'>>;
  createHabit?: Resolver<ResolversTypes['Habit'], ParentType, ContextType, RequireFields<MutationCreateHabitArgs, 'input'>>;
  createWorkoutPlan?: Resolver<ResolversTypes['WorkoutPlan'], ParentType, ContextType, RequireFields<MutationCreateWorkoutPlanArgs, 'input'>>;
  deleteWorkoutPlan?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteWorkoutPlanArgs, 'id'>>;
  endCoaching?: Resolver<ResolversTypes['TrainerClient'], ParentType, ContextType, RequireFields<MutationEndCoachingArgs, 'id'>>;
  hireTrainer?: Resolver<ResolversTypes['TrainerClient'], ParentType, ContextType, RequireFields<MutationHireTrainerArgs, 'trainerId'>>;
  logHabit?: Resolver<ResolversTypes['HabitLog'], ParentType, ContextType, RequireFields<MutationLogHabitArgs, 'input'>>;
  publishWorkoutPlan?: Resolver<ResolversTypes['WorkoutPlan'], ParentType, ContextType, RequireFields<MutationPublishWorkoutPlanArgs, 'id'>>;
  removeWorkoutPlanExercise?: Resolver<ResolversTypes['WorkoutPlan'], ParentType, ContextType, RequireFields<MutationRemoveWorkoutPlanExerciseArgs, 'id'>>;
  reorderWorkoutPlanExercises?: Resolver<ResolversTypes['WorkoutPlan'], ParentType, ContextType, RequireFields<MutationReorderWorkoutPlanExercisesArgs, 'exerciseIds' | 'workoutPlanId'>>;
  startWorkoutSession?: Resolver<ResolversTypes['WorkoutSession'], ParentType, ContextType, RequireFields<MutationStartWorkoutSessionArgs, 'input'>>;
  updateHabit?: Resolver<ResolversTypes['Habit'], ParentType, ContextType, RequireFields<MutationUpdateHabitArgs, 'id' | 'input'>>;
  updateWorkoutPlan?: Resolver<ResolversTypes['WorkoutPlan'], ParentType, ContextType, RequireFields<MutationUpdateWorkoutPlanArgs, 'id' | 'input'>>;
  updateWorkoutPlanExercise?: Resolver<ResolversTypes['WorkoutPlan'], ParentType, ContextType, RequireFields<MutationUpdateWorkoutPlanExerciseArgs, 'id' | 'input'>>;
  verifyTrainer?: Resolver<ResolversTypes['Trainer'], ParentType, ContextType, RequireFields<MutationVerifyTrainerArgs, 'trainerId'>>;
};

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  exercise?: Resolver<Maybe<ResolversTypes['Exercise']>, ParentType, ContextType, RequireFields<QueryExerciseArgs, 'id'>>;
  exercises?: Resolver<ResolversTypes['ExerciseConnection'], ParentType, ContextType, RequireFields<QueryExercisesArgs, 'first'>>;
  habit?: Resolver<Maybe<ResolversTypes['Habit']>, ParentType, ContextType, RequireFields<QueryHabitArgs, 'id'>>;
  myTrainerProfile?: Resolver<Maybe<ResolversTypes['Trainer']>, ParentType, ContextType>;
  trainer?: Resolver<Maybe<ResolversTypes['Trainer']>, ParentType, ContextType, RequireFields<QueryTrainerArgs, 'id'>>;
  trainerApplications?: Resolver<ResolversTypes['TrainerConnection'], ParentType, ContextType, RequireFields<QueryTrainerApplicationsArgs, 'first'>>;
  trainers?: Resolver<ResolversTypes['TrainerConnection'], ParentType, ContextType, RequireFields<QueryTrainersArgs, 'first'>>;
  workoutPlan?: Resolver<Maybe<ResolversTypes['WorkoutPlan']>, ParentType, ContextType, RequireFields<QueryWorkoutPlanArgs, 'id'>>;
  workoutPlans?: Resolver<ResolversTypes['WorkoutPlanConnection'], ParentType, ContextType, RequireFields<QueryWorkoutPlansArgs, 'first'>>;
  workoutSession?: Resolver<Maybe<ResolversTypes['WorkoutSession']>, ParentType, ContextType, RequireFields<QueryWorkoutSessionArgs, 'id'>>;
};

export type SubscriptionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  workoutSessionUpdated?: SubscriptionResolver<ResolversTypes['WorkoutSession'], "workoutSessionUpdated", ParentType, ContextType, Partial<SubscriptionWorkoutSessionUpdatedArgs>>;
};

export type TrainerResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Trainer'] = ResolversParentTypes['Trainer'], FederationReferenceType extends FederationReferenceTypes['Trainer'] = FederationReferenceTypes['Trainer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Trainer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  certificationLevel?: Resolver<ResolversTypes['CertificationLevel'], ParentType, ContextType>;
  clients?: Resolver<Maybe<ResolversTypes['TrainerClientConnection']>, ParentType, ContextType, RequireFields<TrainerClientsArgs, 'first'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  specializations?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  verified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  verifiedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  workoutPlans?: Resolver<ResolversTypes['WorkoutPlanConnection'], ParentType, ContextType, RequireFields<TrainerWorkoutPlansArgs, 'first'>>;
};

export type TrainerClientResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TrainerClient'] = ResolversParentTypes['TrainerClient'], FederationReferenceType extends FederationReferenceTypes['TrainerClient'] = FederationReferenceTypes['TrainerClient']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['TrainerClient']> | FederationReferenceType, FederationReferenceType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  habits?: Resolver<Maybe<ResolversTypes['HabitConnection']>, ParentType, ContextType, RequireFields<TrainerClientHabitsArgs, 'first' | 'includeArchived'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  trainer?: Resolver<ResolversTypes['Trainer'], ParentType, ContextType>;
  trainerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  workoutSessions?: Resolver<Maybe<ResolversTypes['WorkoutSessionConnection']>, ParentType, ContextType, RequireFields<TrainerClientWorkoutSessionsArgs, 'first'>>;
};

export type TrainerClientConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TrainerClientConnection'] = ResolversParentTypes['TrainerClientConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['TrainerClient']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TrainerConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TrainerConnection'] = ResolversParentTypes['TrainerConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Trainer']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  coaches?: Resolver<Maybe<ResolversTypes['TrainerClientConnection']>, ParentType, ContextType, RequireFields<UserCoachesArgs, 'first'>>;
  habits?: Resolver<Maybe<ResolversTypes['HabitConnection']>, ParentType, ContextType, RequireFields<UserHabitsArgs, 'first' | 'includeArchived'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  trainer?: Resolver<Maybe<ResolversTypes['Trainer']>, ParentType, ContextType>;
  workoutSessions?: Resolver<Maybe<ResolversTypes['WorkoutSessionConnection']>, ParentType, ContextType, RequireFields<UserWorkoutSessionsArgs, 'first'>>;
};

export type WorkoutPlanResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['WorkoutPlan'] = ResolversParentTypes['WorkoutPlan'], FederationReferenceType extends FederationReferenceTypes['WorkoutPlan'] = FederationReferenceTypes['WorkoutPlan']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['WorkoutPlan']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  difficulty?: Resolver<ResolversTypes['Difficulty'], ParentType, ContextType>;
  durationWeeks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exercises?: Resolver<Array<ResolversTypes['WorkoutPlanExercise']>, ParentType, ContextType>;
  hasUnpublishedChanges?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isPublished?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  publishedVersion?: Resolver<Maybe<ResolversTypes['WorkoutPlanVersion']>, ParentType, ContextType>;
  targetAudience?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  trainer?: Resolver<ResolversTypes['Trainer'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkoutPlanConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['WorkoutPlanConnection'] = ResolversParentTypes['WorkoutPlanConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['WorkoutPlan']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkoutPlanExerciseResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['WorkoutPlanExercise'] = ResolversParentTypes['WorkoutPlanExercise']> = {
  exercise?: Resolver<ResolversTypes['Exercise'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  restSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sequenceNumber?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sets?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weightKg?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type WorkoutPlanVersionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['WorkoutPlanVersion'] = ResolversParentTypes['WorkoutPlanVersion']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  difficulty?: Resolver<ResolversTypes['Difficulty'], ParentType, ContextType>;
  durationWeeks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exercises?: Resolver<Array<ResolversTypes['WorkoutPlanExercise']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publishedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  targetAudience?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkoutSessionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['WorkoutSession'] = ResolversParentTypes['WorkoutSession'], FederationReferenceType extends FederationReferenceTypes['WorkoutSession'] = FederationReferenceTypes['WorkoutSession']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['WorkoutSession']> | FederationReferenceType, FederationReferenceType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  durationSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  intensityLevel?: Resolver<Maybe<ResolversTypes['IntensityLevel']>, ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WorkoutSessionStatus'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  workoutPlan?: Resolver<Maybe<ResolversTypes['WorkoutPlan']>, ParentType, ContextType>;
  workoutPlanVersion?: Resolver<Maybe<ResolversTypes['WorkoutPlanVersion']>, ParentType, ContextType>;
};

export type WorkoutSessionConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['WorkoutSessionConnection'] = ResolversParentTypes['WorkoutSessionConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['WorkoutSession']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Resolvers<ContextType = RequestContext> = {
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Exercise?: ExerciseResolvers<ContextType>;
  ExerciseConnection?: ExerciseConnectionResolvers<ContextType>;
  Habit?: HabitResolvers<ContextType>;
  HabitConnection?: HabitConnectionResolvers<ContextType>;
  HabitLog?: HabitLogResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Trainer?: TrainerResolvers<ContextType>;
  TrainerClient?: TrainerClientResolvers<ContextType>;
  TrainerClientConnection?: TrainerClientConnectionResolvers<ContextType>;
  TrainerConnection?: TrainerConnectionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  WorkoutPlan?: WorkoutPlanResolvers<ContextType>;
  WorkoutPlanConnection?: WorkoutPlanConnectionResolvers<ContextType>;
  WorkoutPlanExercise?: WorkoutPlanExerciseResolvers<ContextType>;
  WorkoutPlanVersion?: WorkoutPlanVersionResolvers<ContextType>;
  WorkoutSession?: WorkoutSessionResolvers<ContextType>;
  WorkoutSessionConnection?: WorkoutSessionConnectionResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = RequestContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
