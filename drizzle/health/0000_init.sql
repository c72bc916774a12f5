CREATE SCHEMA "health";
--> statement-breakpoint
CREATE TABLE "health"."health_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"metric_type" varchar(32) NOT NULL,
	"target_value" integer NOT NULL,
	"unit" varchar(16) NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_goals_target_positive" CHECK ("health"."health_goals"."target_value" > 0),
	CONSTRAINT "health_goals_period" CHECK ("health"."health_goals"."end_date" IS NULL OR "health"."health_goals"."end_date" >= "health"."health_goals"."start_date")
);
--> statement-breakpoint
CREATE TABLE "health"."health_integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" varchar(32) NOT NULL,
	"access_token_encrypted" text,
	"refresh_token_encrypted" text,
	"token_expires_at" timestamp with time zone,
	"is_active" boolean DEFAULT true NOT NULL,
	"last_sync_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_integrations_provider_known" CHECK ("health"."health_integrations"."provider" IN ('apple_health','google_fit','garmin','fitbit'))
);
--> statement-breakpoint
CREATE TABLE "health"."health_metrics" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"metric_type" varchar(32) NOT NULL,
	"value" numeric(10, 2) NOT NULL,
	"unit" varchar(16) NOT NULL,
	"source" varchar(32) NOT NULL,
	"source_device" varchar(100),
	"recorded_date" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_metrics_id_recorded_date_pk" PRIMARY KEY("id","recorded_date"),
	CONSTRAINT "health_metrics_type_unit" CHECK (("health"."health_metrics"."metric_type", "health"."health_metrics"."unit") IN (('steps','count'),('heart_rate','bpm'),('calories','kcal'),('distance','m'),('active_minutes','min'),('weight','kg'),('sleep','min'))),
	CONSTRAINT "health_metrics_value_nonnegative" CHECK ("health"."health_metrics"."value" >= 0)
) PARTITION BY RANGE ("recorded_date");
--> statement-breakpoint
CREATE TABLE "health"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "health"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "health"."token_revocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" varchar(32) NOT NULL,
	"access_token_encrypted" text,
	"refresh_token_encrypted" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "health_goals_user_active_idx" ON "health"."health_goals" USING btree ("user_id","is_active","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "health_integrations_user_provider_key" ON "health"."health_integrations" USING btree ("user_id","provider");--> statement-breakpoint
CREATE INDEX "health_integrations_sync_idx" ON "health"."health_integrations" USING btree ("provider","is_active","last_sync_at");--> statement-breakpoint
CREATE INDEX "health_metrics_user_type_recorded_idx" ON "health"."health_metrics" USING btree ("user_id","metric_type","recorded_date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "health_metrics_source_synced_idx" ON "health"."health_metrics" USING btree ("source","synced_at");--> statement-breakpoint
CREATE UNIQUE INDEX "health_metrics_sample_key" ON "health"."health_metrics" USING btree ("user_id","metric_type","source","recorded_date");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "health"."outbox" USING btree ("occurred_at") WHERE published_at is null;