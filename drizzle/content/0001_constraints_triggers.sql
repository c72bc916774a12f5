-- What drizzle-kit cannot write for the content schema: foreign keys into other subgraphs'
-- schemas, a DEFERRABLE unique constraint, and the triggers that keep aggregates exact.

-- Lessons are reordered by one UPDATE that permutes sequence numbers; a deferrable constraint is
-- checked at the end of that statement instead of row by row, so the permutation never collides.
ALTER TABLE "content"."lessons"
  ADD CONSTRAINT "lessons_course_sequence_key" UNIQUE ("course_id", "sequence_number") DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint

-- Ratings and enrollments belong to users; users are soft-deleted, so these never block.
ALTER TABLE "content"."ratings"
  ADD CONSTRAINT "ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "content"."enrollments"
  ADD CONSTRAINT "enrollments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE CASCADE;
--> statement-breakpoint

-- content_item -> trainer and course -> trainer (seed). The trainers table belongs to the
-- training subgraph, which migrates before content where both are deployed; without it the
-- constraints wait for a later migration.
DO $$
BEGIN
  IF to_regclass('training.trainers') IS NOT NULL THEN
    ALTER TABLE "content"."content_items"
      ADD CONSTRAINT "content_items_creator_id_trainers_id_fk" FOREIGN KEY ("creator_id") REFERENCES "training"."trainers"("id");
    ALTER TABLE "content"."courses"
      ADD CONSTRAINT "courses_creator_id_trainers_id_fk" FOREIGN KEY ("creator_id") REFERENCES "training"."trainers"("id");
  END IF;
END $$;
--> statement-breakpoint

-- content_items.rating stays the exact average of ratings (rounded to the column's 2 decimals;
-- ratings_sum / ratings_count is the unrounded value). A row trigger sees every change, including
-- the deletes of user.deleted, and adds deltas, so concurrent raters never overwrite each other.
CREATE FUNCTION "content"."ratings_keep_average"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  item uuid;
  count_delta integer := 0;
  sum_delta integer := 0;
BEGIN
  IF TG_OP = 'INSERT' THEN
    item := NEW.content_item_id; count_delta := 1; sum_delta := NEW.rating;
  ELSIF TG_OP = 'DELETE' THEN
    item := OLD.content_item_id; count_delta := -1; sum_delta := -OLD.rating;
  ELSE
    IF NEW.content_item_id <> OLD.content_item_id THEN
      RAISE EXCEPTION 'a rating cannot move to another item';
    END IF;
    item := NEW.content_item_id; sum_delta := NEW.rating - OLD.rating;
  END IF;
  UPDATE "content"."content_items"
     SET ratings_count = ratings_count + count_delta,
         ratings_sum = ratings_sum + sum_delta,
         rating = CASE WHEN ratings_count + count_delta = 0 THEN NULL
                       ELSE round((ratings_sum + sum_delta)::numeric / (ratings_count + count_delta), 2) END
   WHERE id = item;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "ratings_keep_average" AFTER INSERT OR UPDATE OR DELETE ON "content"."ratings"
  FOR EACH ROW EXECUTE FUNCTION "content"."ratings_keep_average"();
--> statement-breakpoint

-- courses.enrollments_count stays the number of enrollment rows, whoever inserts or deletes them.
CREATE FUNCTION "content"."enrollments_keep_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "content"."courses" SET enrollments_count = enrollments_count + 1 WHERE id = NEW.course_id;
  ELSE
    UPDATE "content"."courses" SET enrollments_count = enrollments_count - 1 WHERE id = OLD.course_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "enrollments_keep_count" AFTER INSERT OR DELETE ON "content"."enrollments"
  FOR EACH ROW EXECUTE FUNCTION "content"."enrollments_keep_count"();
--> statement-breakpoint

-- lessons.content_item_ids is a JSONB array, which no foreign key can cover: every element must
-- be the id of an existing content item, and an item a lesson names cannot be deleted.
CREATE FUNCTION "content"."lessons_check_items"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  SELECT element INTO missing
    FROM jsonb_array_elements(NEW.content_item_ids) AS e(value),
         LATERAL (SELECT e.value #>> '{}' AS element) AS t
   WHERE jsonb_typeof(e.value) <> 'string'
      OR element !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      OR NOT EXISTS (SELECT 1 FROM "content"."content_items" c WHERE c.id = element::uuid)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'lessons_content_item_ids_exist',
      MESSAGE = format('content item %s does not exist', missing);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "lessons_check_items" BEFORE INSERT OR UPDATE OF content_item_ids ON "content"."lessons"
  FOR EACH ROW EXECUTE FUNCTION "content"."lessons_check_items"();
--> statement-breakpoint
CREATE FUNCTION "content"."content_items_keep_lesson_refs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "content"."lessons" WHERE content_item_ids @> jsonb_build_array(OLD.id::text)) THEN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'lessons_content_item_ids_exist',
      MESSAGE = format('content item %s is part of a lesson', OLD.id);
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER "content_items_keep_lesson_refs" BEFORE DELETE ON "content"."content_items"
  FOR EACH ROW EXECUTE FUNCTION "content"."content_items_keep_lesson_refs"();
--> statement-breakpoint
CREATE INDEX "lessons_content_item_ids_idx" ON "content"."lessons" USING gin ("content_item_ids");
