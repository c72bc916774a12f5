-- Hand-edited: analytics_events is partitioned by month (drizzle-kit cannot write PARTITION BY);
-- partitions, the trigger and cross-domain foreign keys are in 0001_partitions.
CREATE SCHEMA "analytics";
--> statement-breakpoint
CREATE TABLE "analytics"."analytics_events" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"anonymous_id" uuid,
	"event_type" varchar(64) NOT NULL,
	"event_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" varchar(16) NOT NULL,
	"device_info" jsonb,
	"ip_address" "inet",
	"client_event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_events_pkey" PRIMARY KEY("id","created_at"),
	CONSTRAINT "analytics_events_source_known" CHECK ("analytics"."analytics_events"."source" IN ('web', 'ios', 'android', 'server')),
	CONSTRAINT "analytics_events_ip_anonymized" CHECK ("analytics"."analytics_events"."ip_address" IS NULL OR ("analytics"."analytics_events"."ip_address" = network("analytics"."analytics_events"."ip_address") AND masklen("analytics"."analytics_events"."ip_address") = CASE family("analytics"."analytics_events"."ip_address") WHEN 4 THEN 24 ELSE 48 END)),
	CONSTRAINT "analytics_events_event_type_format" CHECK ("analytics"."analytics_events"."event_type" ~ '^[a-z][a-z0-9_]{0,63}$')
) PARTITION BY RANGE ("created_at");
--> statement-breakpoint
CREATE TABLE "analytics"."cohort_memberships" (
	"cohort_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_memberships_cohort_id_user_id_pk" PRIMARY KEY("cohort_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "analytics"."cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(100) NOT NULL,
	"definition_json" jsonb NOT NULL,
	"user_count" integer DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohorts_user_count_nonnegative" CHECK ("analytics"."cohorts"."user_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "analytics"."ingested_client_events" (
	"scope" text NOT NULL,
	"client_event_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ingested_client_events_scope_client_event_id_pk" PRIMARY KEY("scope","client_event_id")
);
--> statement-breakpoint
CREATE TABLE "analytics"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "analytics"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "analytics"."user_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"signed_up_at" timestamp with time zone NOT NULL,
	"date_of_birth" date,
	"gender" varchar(32),
	"country_code" char(2),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analytics"."cohort_memberships" ADD CONSTRAINT "cohort_memberships_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "analytics"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_events_user_type_created_idx" ON "analytics"."analytics_events" USING btree ("user_id","event_type","created_at");--> statement-breakpoint
CREATE INDEX "analytics_events_event_type_idx" ON "analytics"."analytics_events" USING btree ("event_type");--> statement-breakpoint
CREATE INDEX "analytics_events_created_at_idx" ON "analytics"."analytics_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "cohort_memberships_user_id_idx" ON "analytics"."cohort_memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cohorts_name_lower_key" ON "analytics"."cohorts" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "ingested_client_events_received_at_idx" ON "analytics"."ingested_client_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "analytics"."outbox" USING btree ("occurred_at") WHERE published_at is null;--> statement-breakpoint
CREATE INDEX "user_profiles_signed_up_at_idx" ON "analytics"."user_profiles" USING btree ("signed_up_at");--> statement-breakpoint
CREATE INDEX "user_profiles_country_code_idx" ON "analytics"."user_profiles" USING btree ("country_code");