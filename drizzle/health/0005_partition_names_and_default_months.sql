-- Monthly partitions are named <table>_YYYY_MM in every subgraph (analytics_events_2026_11 was
-- already so): health_metrics_2026m11 becomes health_metrics_2026_11.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'health.health_metrics'::regclass AND c.relname ~ '^health_metrics_[0-9]{4}m[0-9]{2}$'
  LOOP
    EXECUTE format('ALTER TABLE health.%I RENAME TO %I', r.relname,
      regexp_replace(r.relname, '^health_metrics_([0-9]{4})m([0-9]{2})$', 'health_metrics_\1_\2'));
  END LOOP;
  -- Their indexes and keys were named after them; they follow.
  FOR r IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'health' AND c.relkind = 'i' AND c.relname ~ '^health_metrics_[0-9]{4}m[0-9]{2}_'
  LOOP
    EXECUTE format('ALTER INDEX health.%I RENAME TO %I', r.relname,
      regexp_replace(r.relname, '^health_metrics_([0-9]{4})m([0-9]{2})_', 'health_metrics_\1_\2_'));
  END LOOP;
END $$;
--> statement-breakpoint
-- The maintenance function now takes the month to work around from the caller (the application's
-- clock, as every rule that compares times: docs/architecture.md#clocks), and also creates the
-- month of every row in the default partition, moving the rows there: a sample older than the
-- window (or beyond it) stays in the default partition only until the next run.
DROP FUNCTION "health"."ensure_health_metric_partitions"(integer, integer);
--> statement-breakpoint
CREATE FUNCTION "health"."ensure_health_metric_partitions"(around timestamptz, months_back integer, months_ahead integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
  first_month timestamp := date_trunc('month', around AT TIME ZONE 'UTC');
  month_start timestamp;
  lo timestamptz;
  hi timestamptz;
  part text;
  created integer := 0;
BEGIN
  -- Two processes starting at once must not race to create the same partition.
  PERFORM pg_advisory_xact_lock(hashtext('health.health_metrics partitions'));
  FOR month_start IN
    SELECT first_month + make_interval(months => i) FROM generate_series(-months_back, months_ahead) AS i
    UNION
    SELECT DISTINCT date_trunc('month', recorded_date AT TIME ZONE 'UTC') FROM health.health_metrics_default
    ORDER BY 1
  LOOP
    lo := month_start AT TIME ZONE 'UTC';
    hi := (month_start + interval '1 month') AT TIME ZONE 'UTC';
    part := 'health_metrics_' || to_char(month_start, 'YYYY_MM');
    CONTINUE WHEN to_regclass(format('health.%I', part)) IS NOT NULL;
    IF EXISTS (SELECT 1 FROM health.health_metrics_default WHERE recorded_date >= lo AND recorded_date < hi) THEN
      -- Rows that landed in the default partition move into their month before it is attached.
      EXECUTE format('CREATE TABLE health.%I (LIKE health.health_metrics INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
      EXECUTE format('INSERT INTO health.%I SELECT * FROM health.health_metrics_default WHERE recorded_date >= %L AND recorded_date < %L', part, lo, hi);
      DELETE FROM health.health_metrics_default WHERE recorded_date >= lo AND recorded_date < hi;
      EXECUTE format('ALTER TABLE health.health_metrics ATTACH PARTITION health.%I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
    ELSE
      EXECUTE format('CREATE TABLE health.%I PARTITION OF health.health_metrics FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
    END IF;
    created := created + 1;
  END LOOP;
  RETURN created;
END;
$$;
--> statement-breakpoint
-- Rows already waiting in the default partition get their months now.
SELECT "health"."ensure_health_metric_partitions"(now(), 0, 3);
