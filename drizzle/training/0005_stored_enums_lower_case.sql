ALTER TABLE "training"."exercises" DROP CONSTRAINT "exercises_name_key";--> statement-breakpoint
ALTER TABLE "training"."exercises" DROP CONSTRAINT "exercises_category_known";--> statement-breakpoint
ALTER TABLE "training"."exercises" DROP CONSTRAINT "exercises_difficulty_known";--> statement-breakpoint
ALTER TABLE "training"."trainers" DROP CONSTRAINT "trainers_certification_level_known";--> statement-breakpoint
ALTER TABLE "training"."workout_plans" DROP CONSTRAINT "workout_plans_difficulty_known";--> statement-breakpoint
ALTER TABLE "training"."workout_sessions" DROP CONSTRAINT "workout_sessions_status_known";--> statement-breakpoint
ALTER TABLE "training"."workout_sessions" DROP CONSTRAINT "workout_sessions_intensity_known";--> statement-breakpoint
ALTER TABLE "training"."workout_sessions" DROP CONSTRAINT "workout_sessions_completed_shape";--> statement-breakpoint
ALTER TABLE "training"."workout_sessions" ALTER COLUMN "status" SET DEFAULT 'in_progress';--> statement-breakpoint
-- Stored enum values are lower case in every subgraph (kit/stored-enums.ts); training's were upper
-- case. The CHECKs above are dropped, the rows lowered here, and the CHECKs added again below.
UPDATE "training"."exercises" SET "category" = lower("category"), "difficulty" = lower("difficulty")
  WHERE "category" <> lower("category") OR "difficulty" <> lower("difficulty");--> statement-breakpoint
UPDATE "training"."trainers" SET "certification_level" = lower("certification_level")
  WHERE "certification_level" <> lower("certification_level");--> statement-breakpoint
UPDATE "training"."workout_plans" SET "difficulty_level" = lower("difficulty_level")
  WHERE "difficulty_level" <> lower("difficulty_level");--> statement-breakpoint
UPDATE "training"."workout_plan_versions" SET "difficulty_level" = lower("difficulty_level")
  WHERE "difficulty_level" <> lower("difficulty_level");--> statement-breakpoint
UPDATE "training"."workout_sessions" SET "status" = lower("status"), "intensity_level" = lower("intensity_level")
  WHERE "status" <> lower("status") OR "intensity_level" <> lower("intensity_level");--> statement-breakpoint
-- trainers.rating was never written; from now on content reports it with its count. A value
-- without a count means nothing, so it is cleared (content's backfill reports the real ones).
UPDATE "training"."trainers" SET "rating" = NULL WHERE "rating" IS NOT NULL;--> statement-breakpoint
-- Exercise names become unique ignoring case. Names equal but for case are told apart first:
-- the oldest keeps its name, each other gets the first free " (2)", " (3)", ... (cut to fit the
-- 120 characters).
DO $$
DECLARE
  dup record;
  k integer;
  candidate text;
BEGIN
  FOR dup IN
    SELECT "id", "name" FROM (
      SELECT "id", "name", row_number() OVER (PARTITION BY lower("name") ORDER BY "created_at", "id") AS n
      FROM "training"."exercises"
    ) d WHERE d.n > 1 ORDER BY lower("name"), n
  LOOP
    k := 2;
    LOOP
      candidate := left(dup."name", 120 - length(' (' || k || ')')) || ' (' || k || ')';
      EXIT WHEN NOT EXISTS (SELECT 1 FROM "training"."exercises" WHERE lower("name") = lower(candidate));
      k := k + 1;
    END LOOP;
    UPDATE "training"."exercises" SET "name" = candidate WHERE "id" = dup."id";
  END LOOP;
END $$;--> statement-breakpoint
ALTER TABLE "training"."trainers" ADD COLUMN "ratings_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "training"."trainers" ADD COLUMN "rating_updated_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_name_lower_key" ON "training"."exercises" USING btree (lower("name"));--> statement-breakpoint
ALTER TABLE "training"."exercises" ADD CONSTRAINT "exercises_category_known" CHECK ("training"."exercises"."category" in ('strength','cardio','flexibility','balance','plyometrics','core'));--> statement-breakpoint
ALTER TABLE "training"."exercises" ADD CONSTRAINT "exercises_difficulty_known" CHECK ("training"."exercises"."difficulty" in ('beginner','intermediate','advanced'));--> statement-breakpoint
ALTER TABLE "training"."trainers" ADD CONSTRAINT "trainers_rating_count_consistent" CHECK ("training"."trainers"."ratings_count" >= 0 and ("training"."trainers"."rating" is null) = ("training"."trainers"."ratings_count" = 0));--> statement-breakpoint
ALTER TABLE "training"."trainers" ADD CONSTRAINT "trainers_certification_level_known" CHECK ("training"."trainers"."certification_level" in ('basic','advanced','master'));--> statement-breakpoint
ALTER TABLE "training"."workout_plan_versions" ADD CONSTRAINT "workout_plan_versions_difficulty_known" CHECK ("training"."workout_plan_versions"."difficulty_level" in ('beginner','intermediate','advanced'));--> statement-breakpoint
ALTER TABLE "training"."workout_plans" ADD CONSTRAINT "workout_plans_difficulty_known" CHECK ("training"."workout_plans"."difficulty_level" in ('beginner','intermediate','advanced'));--> statement-breakpoint
ALTER TABLE "training"."workout_sessions" ADD CONSTRAINT "workout_sessions_status_known" CHECK ("training"."workout_sessions"."status" in ('in_progress','completed','abandoned'));--> statement-breakpoint
ALTER TABLE "training"."workout_sessions" ADD CONSTRAINT "workout_sessions_intensity_known" CHECK ("training"."workout_sessions"."intensity_level" is null or "training"."workout_sessions"."intensity_level" in ('low','moderate','high','maximal'));--> statement-breakpoint
ALTER TABLE "training"."workout_sessions" ADD CONSTRAINT "workout_sessions_completed_shape" CHECK (("training"."workout_sessions"."status" = 'completed') = ("training"."workout_sessions"."completed_at" is not null and "training"."workout_sessions"."duration_seconds" is not null));