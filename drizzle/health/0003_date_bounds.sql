-- The dates health keeps, held by the database too, whoever writes (subgraphs/health/date-bounds.ts
-- has the API's bounds; these are the same with a day's room for a database clock behind the
-- application's). now() only moves forward, so a row that passed these checks never fails them
-- later, and a restore of a dump passes them again.

-- Samples: from 2000-01-01, at most a day ahead. On the partitioned table the constraint applies to
-- every partition, the default one included, and to the months ensure_health_metric_partitions
-- creates later (CREATE TABLE ... PARTITION OF, or LIKE ... INCLUDING CONSTRAINTS before ATTACH).
ALTER TABLE "health"."health_metrics" ADD CONSTRAINT "health_metrics_recorded_date_bounds"
  CHECK ("recorded_date" >= TIMESTAMPTZ '2000-01-01 00:00:00+00' AND "recorded_date" <= now() + interval '1 day');
--> statement-breakpoint

-- Goals: start from 2000-01-01 and at most 10 years (and a day) ahead; end at most 10 years after
-- the start (the period's own order, end >= start, is health_goals_period).
ALTER TABLE "health"."health_goals" ADD CONSTRAINT "health_goals_dates_bounds"
  CHECK (
    "start_date" >= DATE '2000-01-01'
    AND "start_date" <= current_date + interval '10 years 1 day'
    AND ("end_date" IS NULL OR "end_date" <= "start_date" + interval '10 years')
  );
