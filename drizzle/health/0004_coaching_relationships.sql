CREATE TABLE "health"."coaching_relationships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"trainer_id" uuid NOT NULL,
	"trainer_user_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "coaching_relationships_active_grantee_idx" ON "health"."coaching_relationships" USING btree ("trainer_user_id","user_id") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "coaching_relationships_active_owner_idx" ON "health"."coaching_relationships" USING btree ("user_id") WHERE ended_at is null;