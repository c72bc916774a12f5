-- Cross-domain foreign keys: users are soft-deleted in identity, so these never block a deletion.
ALTER TABLE "analytics"."analytics_events" ADD CONSTRAINT "analytics_events_user_id_fkey"
  FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id");
--> statement-breakpoint
ALTER TABLE "analytics"."cohort_memberships" ADD CONSTRAINT "cohort_memberships_user_id_fkey"
  FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "analytics"."user_profiles" ADD CONSTRAINT "user_profiles_user_id_fkey"
  FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE CASCADE;
--> statement-breakpoint
-- Rows outside every monthly partition (far past, far future) land here; the maintenance
-- function moves them into their month's partition when it creates it.
CREATE TABLE "analytics"."analytics_events_default" PARTITION OF "analytics"."analytics_events" DEFAULT;
--> statement-breakpoint
-- Append-only: UPDATE is refused except the GDPR anonymization path (user_id removed, a random
-- anonymous_id set, nothing else changed) inside a transaction that set
-- analytics.gdpr_anonymization; DELETE only while partition maintenance moves rows out of the
-- default partition. The settings are transaction-local guards against mistakes, not permissions.
CREATE FUNCTION "analytics"."analytics_events_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('analytics.gdpr_anonymization', true) = 'on'
     AND OLD.user_id IS NOT NULL AND NEW.user_id IS NULL
     AND OLD.anonymous_id IS NULL AND NEW.anonymous_id IS NOT NULL
     AND (NEW.id, NEW.event_type, NEW.event_data, NEW.source, NEW.device_info, NEW.ip_address,
          NEW.client_event_id, NEW.created_at)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.event_type, OLD.event_data, OLD.source, OLD.device_info, OLD.ip_address,
          OLD.client_event_id, OLD.created_at)
  THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' AND current_setting('analytics.partition_maintenance', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'analytics_events is append-only (% refused)', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "analytics_events_append_only"
  BEFORE UPDATE OR DELETE ON "analytics"."analytics_events"
  FOR EACH ROW EXECUTE FUNCTION "analytics"."analytics_events_append_only"();
--> statement-breakpoint
-- Creates the monthly partitions from months_back before `around` to months_ahead after it
-- (UTC months), moving any rows the default partition holds for a new month into it. Safe to
-- run concurrently and repeatedly; returns how many partitions it created.
CREATE FUNCTION "analytics"."ensure_event_partitions"(around timestamptz, months_back int, months_ahead int)
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
  FOR i IN 0..(months_back + months_ahead) LOOP
    month_start := (first_month + make_interval(months => i))::date;
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
SELECT "analytics"."ensure_event_partitions"(now(), 12, 3);
