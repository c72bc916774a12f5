-- Partition maintenance also creates the month of every row in the default partition, moving
-- the rows there: an event older than the window (or far ahead) stays in the default partition
-- only until the next run. Names stay <table>_YYYY_MM, as in every subgraph.
CREATE OR REPLACE FUNCTION "analytics"."ensure_event_partitions"(around timestamptz, months_back int, months_ahead int)
RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  first_month date := (date_trunc('month', around AT TIME ZONE 'UTC') - make_interval(months => months_back))::date;
  month_start date;
  lower_bound timestamptz;
  upper_bound timestamptz;
  partition_name text;
  created int := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('analytics.ensure_event_partitions'));
  FOR month_start IN
    SELECT (first_month + make_interval(months => i))::date FROM generate_series(0, months_back + months_ahead) AS i
    UNION
    SELECT DISTINCT date_trunc('month', created_at AT TIME ZONE 'UTC')::date FROM analytics.analytics_events_default
    ORDER BY 1
  LOOP
    partition_name := 'analytics_events_' || to_char(month_start, 'YYYY_MM');
    IF to_regclass(format('analytics.%I', partition_name)) IS NULL THEN
      lower_bound := month_start::timestamp AT TIME ZONE 'UTC';
      upper_bound := (month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC';
      EXECUTE format(
        'CREATE TABLE analytics.%I (LIKE analytics.analytics_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
        partition_name);
      PERFORM set_config('analytics.partition_maintenance', 'on', true);
      EXECUTE format(
        'WITH moved AS (DELETE FROM analytics.analytics_events_default WHERE created_at >= %L AND created_at < %L RETURNING *)
         INSERT INTO analytics.%I SELECT * FROM moved',
        lower_bound, upper_bound, partition_name);
      PERFORM set_config('analytics.partition_maintenance', 'off', true);
      EXECUTE format(
        'ALTER TABLE analytics.analytics_events ATTACH PARTITION analytics.%I FOR VALUES FROM (%L) TO (%L)',
        partition_name, lower_bound, upper_bound);
      created := created + 1;
    END IF;
  END LOOP;
  RETURN created;
END;
$$;
--> statement-breakpoint
-- Rows already waiting in the default partition get their months now.
SELECT "analytics"."ensure_event_partitions"(now(), 1, 3);
