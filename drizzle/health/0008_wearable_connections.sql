CREATE TABLE "health"."oauth_flows" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"provider" varchar(32) NOT NULL,
	"redirect_uri" text NOT NULL,
	"code_verifier_encrypted" text NOT NULL,
	"flow_secret_hash" varchar(64) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health"."provider_notifications" (
	"id" varchar(200) PRIMARY KEY NOT NULL,
	"provider" varchar(32) NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "health"."health_integrations" DROP CONSTRAINT "health_integrations_provider_known";--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD COLUMN "inactive_reason" varchar(32);--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD COLUMN "provider_user_id" varchar(128);--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD COLUMN "backfill_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD COLUMN "backfilled_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD COLUMN "backfill_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD COLUMN "sync_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD COLUMN "retry_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD COLUMN "consecutive_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD COLUMN "last_error_code" varchar(32);--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD COLUMN "last_error_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "oauth_flows_expires_idx" ON "health"."oauth_flows" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "provider_notifications_received_idx" ON "health"."provider_notifications" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "health_integrations_provider_user_idx" ON "health"."health_integrations" USING btree ("provider","provider_user_id");--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD CONSTRAINT "health_integrations_inactive_reason_known" CHECK ("health"."health_integrations"."inactive_reason" IS NULL OR "health"."health_integrations"."inactive_reason" IN ('provider_retired','access_revoked','deregistered','permissions_changed'));--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD CONSTRAINT "health_integrations_last_error_known" CHECK ("health"."health_integrations"."last_error_code" IS NULL OR "health"."health_integrations"."last_error_code" IN ('rate_limited','provider_unavailable','provider_error'));--> statement-breakpoint
ALTER TABLE "health"."health_integrations" ADD CONSTRAINT "health_integrations_provider_known" CHECK ("health"."health_integrations"."provider" IN ('apple_health','google_fit','garmin','fitbit','google_health'));