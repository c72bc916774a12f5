CREATE SCHEMA "training";
--> statement-breakpoint
CREATE TABLE "training"."exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(120) NOT NULL,
	"category" varchar(32) NOT NULL,
	"equipment" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"difficulty" varchar(16) NOT NULL,
	"muscle_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"video_url" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercises_name_key" UNIQUE("name"),
	CONSTRAINT "exercises_category_known" CHECK ("training"."exercises"."category" in ('STRENGTH','CARDIO','FLEXIBILITY','BALANCE','PLYOMETRICS','CORE')),
	CONSTRAINT "exercises_difficulty_known" CHECK ("training"."exercises"."difficulty" in ('BEGINNER','INTERMEDIATE','ADVANCED'))
);
--> statement-breakpoint
CREATE TABLE "training"."habit_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"habit_id" uuid NOT NULL,
	"logged_date" date NOT NULL,
	"value" integer,
	"completed" boolean DEFAULT true NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "habit_logs_habit_id_logged_date_key" UNIQUE("habit_id","logged_date"),
	CONSTRAINT "habit_logs_value_nonnegative" CHECK ("training"."habit_logs"."value" is null or "training"."habit_logs"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "training"."habits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"category" varchar(50),
	"target_value" integer,
	"unit" varchar(32),
	"frequency_per_week" integer DEFAULT 7 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "habits_frequency_range" CHECK ("training"."habits"."frequency_per_week" between 1 and 7),
	CONSTRAINT "habits_target_value_positive" CHECK ("training"."habits"."target_value" is null or "training"."habits"."target_value" > 0)
);
--> statement-breakpoint
CREATE TABLE "training"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "training"."trainers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"specializations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"certification_level" varchar(32) NOT NULL,
	"rating" numeric(3, 2),
	"verified" boolean DEFAULT false NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainers_certification_level_known" CHECK ("training"."trainers"."certification_level" in ('BASIC','ADVANCED','MASTER')),
	CONSTRAINT "trainers_rating_range" CHECK ("training"."trainers"."rating" is null or ("training"."trainers"."rating" >= 0 and "training"."trainers"."rating" <= 5))
);
--> statement-breakpoint
CREATE TABLE "training"."workout_plan_exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workout_plan_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"sequence_num" integer NOT NULL,
	"sets" integer NOT NULL,
	"reps" integer NOT NULL,
	"weight_kg" numeric(6, 2),
	"rest_seconds" integer DEFAULT 60 NOT NULL,
	CONSTRAINT "workout_plan_exercises_plan_sequence_key" UNIQUE("workout_plan_id","sequence_num"),
	CONSTRAINT "workout_plan_exercises_sequence_positive" CHECK ("training"."workout_plan_exercises"."sequence_num" > 0),
	CONSTRAINT "workout_plan_exercises_sets_range" CHECK ("training"."workout_plan_exercises"."sets" between 1 and 50),
	CONSTRAINT "workout_plan_exercises_reps_range" CHECK ("training"."workout_plan_exercises"."reps" between 1 and 1000),
	CONSTRAINT "workout_plan_exercises_weight_range" CHECK ("training"."workout_plan_exercises"."weight_kg" is null or "training"."workout_plan_exercises"."weight_kg" >= 0),
	CONSTRAINT "workout_plan_exercises_rest_range" CHECK ("training"."workout_plan_exercises"."rest_seconds" between 0 and 3600)
);
--> statement-breakpoint
CREATE TABLE "training"."workout_plan_versions" (
	"workout_plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" varchar(120) NOT NULL,
	"description" text,
	"difficulty_level" varchar(16) NOT NULL,
	"duration_weeks" integer NOT NULL,
	"target_audience" varchar(64),
	"exercises" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workout_plan_versions_workout_plan_id_version_pk" PRIMARY KEY("workout_plan_id","version")
);
--> statement-breakpoint
CREATE TABLE "training"."workout_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trainer_id" uuid NOT NULL,
	"name" varchar(120) NOT NULL,
	"description" text,
	"difficulty_level" varchar(16) NOT NULL,
	"duration_weeks" integer NOT NULL,
	"target_audience" varchar(64),
	"version" integer DEFAULT 0 NOT NULL,
	"is_published" boolean DEFAULT false NOT NULL,
	"has_unpublished_changes" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "workout_plans_difficulty_known" CHECK ("training"."workout_plans"."difficulty_level" in ('BEGINNER','INTERMEDIATE','ADVANCED')),
	CONSTRAINT "workout_plans_duration_range" CHECK ("training"."workout_plans"."duration_weeks" between 1 and 104),
	CONSTRAINT "workout_plans_version_nonnegative" CHECK ("training"."workout_plans"."version" >= 0)
);
--> statement-breakpoint
CREATE TABLE "training"."workout_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"workout_plan_id" uuid,
	"workout_plan_version" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"status" varchar(16) DEFAULT 'IN_PROGRESS' NOT NULL,
	"duration_seconds" integer,
	"intensity_level" varchar(16),
	"notes" text,
	CONSTRAINT "workout_sessions_status_known" CHECK ("training"."workout_sessions"."status" in ('IN_PROGRESS','COMPLETED','ABANDONED')),
	CONSTRAINT "workout_sessions_intensity_known" CHECK ("training"."workout_sessions"."intensity_level" is null or "training"."workout_sessions"."intensity_level" in ('LOW','MODERATE','HIGH','MAXIMAL')),
	CONSTRAINT "workout_sessions_plan_version_together" CHECK (("training"."workout_sessions"."workout_plan_id" is null) = ("training"."workout_sessions"."workout_plan_version" is null)),
	CONSTRAINT "workout_sessions_completed_shape" CHECK (("training"."workout_sessions"."status" = 'COMPLETED') = ("training"."workout_sessions"."completed_at" is not null and "training"."workout_sessions"."duration_seconds" is not null))
);
--> statement-breakpoint
ALTER TABLE "training"."habit_logs" ADD CONSTRAINT "habit_logs_habit_id_habits_id_fk" FOREIGN KEY ("habit_id") REFERENCES "training"."habits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."workout_plan_exercises" ADD CONSTRAINT "workout_plan_exercises_workout_plan_id_workout_plans_id_fk" FOREIGN KEY ("workout_plan_id") REFERENCES "training"."workout_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."workout_plan_exercises" ADD CONSTRAINT "workout_plan_exercises_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "training"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."workout_plan_versions" ADD CONSTRAINT "workout_plan_versions_workout_plan_id_workout_plans_id_fk" FOREIGN KEY ("workout_plan_id") REFERENCES "training"."workout_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."workout_plans" ADD CONSTRAINT "workout_plans_trainer_id_trainers_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "training"."trainers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."workout_sessions" ADD CONSTRAINT "workout_sessions_workout_plan_id_workout_plans_id_fk" FOREIGN KEY ("workout_plan_id") REFERENCES "training"."workout_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exercises_category_name_idx" ON "training"."exercises" USING btree ("category","name");--> statement-breakpoint
CREATE INDEX "exercises_equipment_gin_idx" ON "training"."exercises" USING gin ("equipment");--> statement-breakpoint
CREATE INDEX "exercises_muscle_groups_gin_idx" ON "training"."exercises" USING gin ("muscle_groups");--> statement-breakpoint
CREATE INDEX "habits_user_id_is_active_idx" ON "training"."habits" USING btree ("user_id","is_active");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "training"."outbox" USING btree ("occurred_at") WHERE published_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "trainers_user_id_key" ON "training"."trainers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "trainers_verified_created_at_idx" ON "training"."trainers" USING btree ("verified","created_at");--> statement-breakpoint
CREATE INDEX "workout_plan_exercises_exercise_id_idx" ON "training"."workout_plan_exercises" USING btree ("exercise_id");--> statement-breakpoint
CREATE INDEX "workout_plan_versions_catalogue_idx" ON "training"."workout_plan_versions" USING btree ("difficulty_level","duration_weeks");--> statement-breakpoint
CREATE INDEX "workout_plans_trainer_id_is_published_idx" ON "training"."workout_plans" USING btree ("trainer_id","is_published");--> statement-breakpoint
CREATE INDEX "workout_plans_difficulty_level_created_at_idx" ON "training"."workout_plans" USING btree ("difficulty_level","created_at");--> statement-breakpoint
CREATE INDEX "workout_sessions_user_id_started_at_idx" ON "training"."workout_sessions" USING btree ("user_id","started_at");--> statement-breakpoint
CREATE INDEX "workout_sessions_workout_plan_id_idx" ON "training"."workout_sessions" USING btree ("workout_plan_id");