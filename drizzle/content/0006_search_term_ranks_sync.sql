-- Rank lists for the search's common words (subgraphs/content/search.ts, BENCHMARKS.md "Search").
-- A one-word query's rank is ts_rank_cd(search_vector, 'word'); for a word in a sixth of the
-- catalogue, ranking every item with it costs most of a search. search_term_ranks keeps each common
-- word's best items in rank order, so a first page is an index walk.

-- The tsquery of one lexeme as stored in a tsvector (no normalisation: it is already a lexeme).
CREATE FUNCTION "content"."lexeme_query"(lexeme text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $fn$ SELECT ('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''')::tsquery $fn$;
--> statement-breakpoint

-- The word a search text can be answered from a rank list by: the text's query in English and in
-- Russian is the same one lexeme, alone or with exclusions of single lexemes ("running -treadmill").
-- Those are the queries whose rank equals the lexeme's own ts_rank_cd on every matching item (an
-- excluded lexeme is in no matching item). Anything else (phrases, or, several words) is null.
CREATE FUNCTION "content"."search_lexeme"(query text) RETURNS text
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  AS $fn$
    SELECT CASE
      WHEN en::text = ru::text AND en::text ~ '^''[^''\\]+''( & !''[^''\\]+'')*$'
      THEN substring(en::text FROM '^''([^''\\]+)''')
    END
    FROM (SELECT websearch_to_tsquery('english', query) AS en, websearch_to_tsquery('russian', query) AS ru) q
  $fn$;
--> statement-breakpoint

-- Keeps the lists as items are written: an item's rows for the common words it has, where it
-- ranks at or above the word's cutoff (deletes cascade from content_items).
CREATE FUNCTION "content"."search_term_ranks_sync"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM "content"."search_term_ranks" WHERE item_id = NEW.id;
  END IF;
  INSERT INTO "content"."search_term_ranks" (lexeme, item_id, score, created_at)
  SELECT s.lexeme, NEW.id, s.score, NEW.created_at
  FROM (
    SELECT t.lexeme, t.cutoff_score, t.cutoff_created_at, t.cutoff_id,
      ts_rank_cd(NEW.search_vector, "content"."lexeme_query"(t.lexeme)) AS score
    FROM unnest(NEW.search_vector) u
    JOIN "content"."search_terms" t ON t.lexeme = u.lexeme
  ) s
  WHERE s.cutoff_score IS NULL
     OR (s.score, NEW.created_at, NEW.id) >= (s.cutoff_score, s.cutoff_created_at, s.cutoff_id);
  RETURN NULL;
END $fn$;
--> statement-breakpoint

CREATE TRIGGER "search_term_ranks_insert" AFTER INSERT ON "content"."content_items"
  FOR EACH ROW EXECUTE FUNCTION "content"."search_term_ranks_sync"();
--> statement-breakpoint

CREATE TRIGGER "search_term_ranks_update" AFTER UPDATE OF title, description, language, created_at
  ON "content"."content_items"
  FOR EACH ROW EXECUTE FUNCTION "content"."search_term_ranks_sync"();
--> statement-breakpoint

-- Rebuilds the set of common words (in at least min_items items) and their lists (each word's best
-- `keep` items; the cutoff is the last one's key, none when the word has no more items than that).
-- Item writes wait while it runs, so no item is missed between the rebuild and the trigger; a
-- second refresh waits for the first; searches go on reading the previous lists until it commits.
-- Returns the number of common words. Run by this migration and daily by the content subgraph
-- (subgraphs/content/workers/search-terms.ts).
CREATE FUNCTION "content"."refresh_search_terms"(min_items integer DEFAULT 2000, keep integer DEFAULT 1000)
  RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  words integer;
BEGIN
  LOCK TABLE "content"."search_terms" IN EXCLUSIVE MODE;
  LOCK TABLE "content"."content_items" IN SHARE MODE;
  DELETE FROM "content"."search_terms";
  INSERT INTO "content"."search_terms" (lexeme)
    SELECT word FROM ts_stat('SELECT search_vector FROM "content"."content_items"') WHERE ndoc >= min_items;
  GET DIAGNOSTICS words = ROW_COUNT;
  INSERT INTO "content"."search_term_ranks" (lexeme, item_id, score, created_at)
  SELECT lexeme, id, score, created_at FROM (
    SELECT r.*, row_number() OVER (PARTITION BY lexeme ORDER BY score DESC, created_at DESC, id DESC) AS n
    FROM (
      SELECT t.lexeme, c.id, c.created_at,
        ts_rank_cd(c.search_vector, "content"."lexeme_query"(t.lexeme)) AS score
      FROM "content"."content_items" c
      CROSS JOIN LATERAL unnest(c.search_vector) u
      JOIN "content"."search_terms" t ON t.lexeme = u.lexeme
    ) r
  ) ranked
  WHERE n <= keep;
  UPDATE "content"."search_terms" t
    SET cutoff_score = last.score, cutoff_created_at = last.created_at, cutoff_id = last.item_id
    FROM (
      SELECT DISTINCT ON (lexeme) lexeme, score, created_at, item_id, count(*) OVER (PARTITION BY lexeme) AS kept
      FROM "content"."search_term_ranks"
      ORDER BY lexeme, score, created_at, item_id
    ) last
    WHERE last.lexeme = t.lexeme AND last.kept >= keep;
  -- Statistics for the new contents, or the planner may scan the whole list table.
  ANALYZE "content"."search_terms", "content"."search_term_ranks";
  RETURN words;
END $fn$;
--> statement-breakpoint

SELECT "content"."refresh_search_terms"();
