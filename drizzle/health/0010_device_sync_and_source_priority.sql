CREATE TABLE "health"."device_samples" (
	"user_id" uuid NOT NULL,
	"source" varchar(32) NOT NULL,
	"source_record_id" varchar(128) NOT NULL,
	"metric_id" uuid NOT NULL,
	"metric_type" varchar(32) NOT NULL,
	"value" numeric(10, 2) NOT NULL,
	"recorded_date" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_samples_user_id_source_source_record_id_pk" PRIMARY KEY("user_id","source","source_record_id")
);
--> statement-breakpoint
CREATE TABLE "health"."device_sync_state" (
	"user_id" uuid NOT NULL,
	"source" varchar(32) NOT NULL,
	"anchor" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_sync_state_user_id_source_pk" PRIMARY KEY("user_id","source")
);
--> statement-breakpoint
CREATE TABLE "health"."health_metric_retractions" (
	"user_id" uuid NOT NULL,
	"source" varchar(32) NOT NULL,
	"source_record_id" varchar(128) NOT NULL,
	"metric_id" uuid,
	"recorded_date" timestamp with time zone,
	"retracted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_metric_retractions_user_id_source_source_record_id_pk" PRIMARY KEY("user_id","source","source_record_id")
);
--> statement-breakpoint
CREATE TABLE "health"."source_priorities" (
	"user_id" uuid NOT NULL,
	"metric_type" varchar(32) NOT NULL,
	"sources" varchar(32)[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_priorities_user_id_metric_type_pk" PRIMARY KEY("user_id","metric_type")
);
--> statement-breakpoint
CREATE INDEX "device_samples_metric_idx" ON "health"."device_samples" USING btree ("metric_id");--> statement-breakpoint
CREATE INDEX "health_metric_retractions_metric_idx" ON "health"."health_metric_retractions" USING btree ("metric_id");