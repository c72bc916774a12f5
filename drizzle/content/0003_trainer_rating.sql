-- A trainer cannot rate their own content. Content refuses it in code (subgraphs/content/items.ts)
-- from the viewer's trainer id; this trigger refuses it whoever writes, from the trainers table of
-- the training subgraph, which migrates before content where both are deployed (as with the
-- content_items -> trainers foreign key of 0001).
DO $$
BEGIN
  IF to_regclass('training.trainers') IS NOT NULL THEN
    CREATE FUNCTION "content"."ratings_not_own_content"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF EXISTS (
        SELECT 1 FROM "content"."content_items" c
        JOIN "training"."trainers" t ON t.id = c.creator_id
        WHERE c.id = NEW.content_item_id AND t.user_id = NEW.user_id
      ) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'ratings_not_own_content',
          MESSAGE = 'a trainer cannot rate their own content';
      END IF;
      RETURN NEW;
    END $fn$;
    CREATE TRIGGER "ratings_not_own_content" BEFORE INSERT OR UPDATE ON "content"."ratings"
      FOR EACH ROW EXECUTE FUNCTION "content"."ratings_not_own_content"();
  END IF;
END $$;
--> statement-breakpoint

-- Ratings a trainer gave their own items before this rule are withdrawn (the row trigger on
-- ratings keeps the items' averages exact).
DO $$
BEGIN
  IF to_regclass('training.trainers') IS NOT NULL THEN
    DELETE FROM "content"."ratings" r
      USING "content"."content_items" c, "training"."trainers" t
      WHERE c.id = r.content_item_id AND t.id = c.creator_id AND t.user_id = r.user_id;
  END IF;
END $$;
--> statement-breakpoint

-- trainers.rating is kept by training from content.trainer_rating_changed
-- (subgraphs/content/trainer-rating.ts). Trainers rated before the event existed are reported
-- here, once, in the migration's transaction; the outbox relay publishes them when content starts.
INSERT INTO "content"."outbox" ("id", "type", "payload", "occurred_at")
SELECT gen_random_uuid(), 'content.trainer_rating_changed',
  jsonb_build_object(
    'trainerId', creator_id,
    'average', round(sum(ratings_sum)::numeric / sum(ratings_count), 2),
    'count', sum(ratings_count)::int,
    'computedAt', to_json(now())
  ),
  now()
FROM "content"."content_items"
WHERE is_published AND ratings_count > 0
GROUP BY creator_id;
