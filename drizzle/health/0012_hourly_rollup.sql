-- The hourly rollup of health_metrics (subgraphs/health/rollup.ts). drizzle-kit cannot express the
-- partitioning (monthly on hour_start, like the samples) nor a primary key that carries the
-- aggregates (INCLUDE), so a series reads the index alone.
CREATE TABLE "health"."health_metric_hours" (
	"user_id" uuid NOT NULL,
	"metric_type" varchar(32) NOT NULL,
	"hour_start" timestamp with time zone NOT NULL,
	"sample_count" integer NOT NULL,
	"value_sum" numeric NOT NULL,
	"value_min" numeric(10, 2) NOT NULL,
	"value_max" numeric(10, 2) NOT NULL,
	"sources" varchar(32)[] NOT NULL,
	CONSTRAINT "health_metric_hours_user_id_metric_type_hour_start_pk" PRIMARY KEY("user_id","metric_type","hour_start") INCLUDE ("sample_count","value_sum","value_min","value_max"),
	CONSTRAINT "health_metric_hours_count_positive" CHECK ("health"."health_metric_hours"."sample_count" > 0)
) PARTITION BY RANGE ("hour_start");
--> statement-breakpoint
CREATE TABLE "health"."health_metric_hours_default" PARTITION OF "health"."health_metric_hours" DEFAULT;
--> statement-breakpoint
-- One month's partition of a monthly-partitioned health table (`<table>_YYYY_MM`), moving the rows
-- of that month out of its default partition first; 1 when it was created.
CREATE FUNCTION "health"."ensure_month_partition"(tbl text, key text, month_start timestamp)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
  lo timestamptz := month_start AT TIME ZONE 'UTC';
  hi timestamptz := (month_start + interval '1 month') AT TIME ZONE 'UTC';
  part text := tbl || '_' || to_char(month_start, 'YYYY_MM');
  waiting boolean;
BEGIN
  IF to_regclass(format('health.%I', part)) IS NOT NULL THEN
    RETURN 0;
  END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM health.%I WHERE %I >= %L AND %I < %L)', tbl || '_default', key, lo, key, hi)
    INTO waiting;
  IF waiting THEN
    EXECUTE format('CREATE TABLE health.%I (LIKE health.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part, tbl);
    EXECUTE format('INSERT INTO health.%I SELECT * FROM health.%I WHERE %I >= %L AND %I < %L', part, tbl || '_default', key, lo, key, hi);
    EXECUTE format('DELETE FROM health.%I WHERE %I >= %L AND %I < %L', tbl || '_default', key, lo, key, hi);
    EXECUTE format('ALTER TABLE health.%I ATTACH PARTITION health.%I FOR VALUES FROM (%L) TO (%L)', tbl, part, lo, hi);
  ELSE
    EXECUTE format('CREATE TABLE health.%I PARTITION OF health.%I FOR VALUES FROM (%L) TO (%L)', part, tbl, lo, hi);
  END IF;
  RETURN 1;
END;
$$;
--> statement-breakpoint
-- The maintenance function (same signature, called by the health subgraph's partitions worker) now
-- keeps the rollup's months beside the samples' months: every month of the window, and every month
-- with rows waiting in either default partition.
CREATE OR REPLACE FUNCTION "health"."ensure_health_metric_partitions"(around timestamptz, months_back integer, months_ahead integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
  first_month timestamp := date_trunc('month', around AT TIME ZONE 'UTC');
  month_start timestamp;
  created integer := 0;
BEGIN
  -- Two processes starting at once must not race to create the same partition.
  PERFORM pg_advisory_xact_lock(hashtext('health.health_metrics partitions'));
  FOR month_start IN
    SELECT first_month + make_interval(months => i) FROM generate_series(-months_back, months_ahead) AS i
    UNION
    SELECT DISTINCT date_trunc('month', recorded_date AT TIME ZONE 'UTC') FROM health.health_metrics_default
    UNION
    SELECT DISTINCT date_trunc('month', hour_start AT TIME ZONE 'UTC') FROM health.health_metric_hours_default
    ORDER BY 1
  LOOP
    created := created + health.ensure_month_partition('health_metrics', 'recorded_date', month_start);
    created := created + health.ensure_month_partition('health_metric_hours', 'hour_start', month_start);
  END LOOP;
  RETURN created;
END;
$$;
--> statement-breakpoint
-- The rollup's months for every month that has samples.
DO $$
DECLARE
  month_start timestamp;
BEGIN
  FOR month_start IN
    SELECT to_timestamp(substring(c.relname FROM '([0-9]{4}_[0-9]{2})$'), 'YYYY_MM')::timestamp
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'health.health_metrics'::regclass AND c.relname ~ '^health_metrics_[0-9]{4}_[0-9]{2}$'
  LOOP
    PERFORM health.ensure_month_partition('health_metric_hours', 'hour_start', month_start);
  END LOOP;
END $$;
--> statement-breakpoint
-- The rollup of the samples stored so far, merged by each user's source order or the default order
-- of the time (subgraphs/health/source-priority.ts); `npm run health:rollup` does the same later.
INSERT INTO "health"."health_metric_hours"
  (user_id, metric_type, hour_start, sample_count, value_sum, value_min, value_max, sources)
SELECT s.user_id, s.metric_type, date_bin(interval '1 hour', s.recorded_date, timestamptz '2000-01-01 00:00:00+00'),
  count(*) FILTER (WHERE s.standing = 1), sum(s.value) FILTER (WHERE s.standing = 1),
  min(s.value) FILTER (WHERE s.standing = 1), max(s.value) FILTER (WHERE s.standing = 1),
  array_agg(DISTINCT s.source ORDER BY s.source)
FROM (
  SELECT m.user_id, m.metric_type, m.recorded_date, m.value, m.source,
    rank() OVER (
      PARTITION BY m.user_id, m.metric_type, date_bin(interval '5 minutes', m.recorded_date, timestamptz '2000-01-01 00:00:00+00')
      ORDER BY coalesce(array_position(coalesce(
        (SELECT p.sources FROM health.source_priorities p WHERE p.user_id = m.user_id AND p.metric_type = m.metric_type),
        CASE WHEN m.metric_type = 'weight'
          THEN ARRAY['manual', 'apple_health', 'health_connect', 'google_fit', 'garmin', 'google_health', 'fitbit']::varchar[]
          ELSE ARRAY['garmin', 'google_health', 'fitbit', 'apple_health', 'health_connect', 'google_fit', 'manual']::varchar[]
        END), m.source), 1000), m.source
    ) AS standing
  FROM health.health_metrics m
  WHERE NOT EXISTS (SELECT 1 FROM health.health_metric_retractions r WHERE r.metric_id = m.id AND r.user_id = m.user_id)
) s
GROUP BY 1, 2, 3;
