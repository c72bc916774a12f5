-- What drizzle-kit cannot express: foreign keys to identity.users, monthly partitions of
-- health_metrics (a function that creates them relative to the current date, called here and on
-- every start of the health subgraph), the default partition, and the immutability trigger.
ALTER TABLE "health"."health_metrics" ADD CONSTRAINT "health_metrics_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id");
--> statement-breakpoint
ALTER TABLE "health"."health_goals" ADD CONSTRAINT "health_goals_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id");
--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD CONSTRAINT "health_integrations_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id");
--> statement-breakpoint
CREATE TABLE "health"."health_metrics_default" PARTITION OF "health"."health_metrics" DEFAULT;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "health"."ensure_health_metric_partitions"(months_back integer, months_ahead integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
  first_month timestamp := date_trunc('month', now() AT TIME ZONE 'UTC');
  month_start timestamp;
  lo timestamptz;
  hi timestamptz;
  part text;
  created integer := 0;
BEGIN
  -- Two processes starting at once must not race to create the same partition.
  PERFORM pg_advisory_xact_lock(hashtext('health.health_metrics partitions'));
  FOR i IN -months_back..months_ahead LOOP
    month_start := first_month + make_interval(months => i);
    lo := month_start AT TIME ZONE 'UTC';
    hi := (month_start + interval '1 month') AT TIME ZONE 'UTC';
    part := 'health_metrics_' || to_char(month_start, 'YYYY"m"MM');
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
SELECT "health"."ensure_health_metric_partitions"(24, 3);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "health"."health_metrics_immutable"()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'health metrics are immutable' USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "health_metrics_no_update" BEFORE UPDATE ON "health"."health_metrics"
FOR EACH ROW EXECUTE FUNCTION "health"."health_metrics_immutable"();
