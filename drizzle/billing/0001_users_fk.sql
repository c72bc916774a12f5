-- Cross-domain foreign key (docs/architecture.md#cross-domain-foreign-keys): users are soft-deleted, so this never blocks.
ALTER TABLE "billing"."subscriptions" ADD CONSTRAINT "subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id");
--> statement-breakpoint
-- At most one live (pending or active) subscription per user: two concurrent subscribes cannot both win.
CREATE UNIQUE INDEX "subscriptions_one_live_per_user" ON "billing"."subscriptions" ("user_id") WHERE "status" IN ('pending', 'active');
