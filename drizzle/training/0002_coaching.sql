CREATE TABLE "training"."trainer_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trainer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "trainer_clients_ended_after_start" CHECK ("training"."trainer_clients"."ended_at" is null or "training"."trainer_clients"."ended_at" >= "training"."trainer_clients"."started_at")
);
--> statement-breakpoint
ALTER TABLE "training"."trainer_clients" ADD CONSTRAINT "trainer_clients_trainer_id_trainers_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "training"."trainers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trainer_clients_active_pair_key" ON "training"."trainer_clients" USING btree ("trainer_id","user_id") WHERE "training"."trainer_clients"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "trainer_clients_trainer_active_idx" ON "training"."trainer_clients" USING btree ("trainer_id","started_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "training"."trainer_clients"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "trainer_clients_user_id_idx" ON "training"."trainer_clients" USING btree ("user_id");