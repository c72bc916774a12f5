CREATE SCHEMA "billing";
--> statement-breakpoint
CREATE TABLE "billing"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "billing"."payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"status" varchar(16) NOT NULL,
	"payment_method" varchar(255),
	"payment_gateway" varchar(16) NOT NULL,
	"payment_intent_id" varchar(255),
	"card_last_4" varchar(4),
	"idempotency_key" varchar(255) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"payer_name" varchar(255),
	"payer_country" varchar(2),
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"failure_reason" varchar(255),
	CONSTRAINT "payments_amount_cents_check" CHECK ("billing"."payments"."amount_cents" > 0),
	CONSTRAINT "payments_currency_check" CHECK ("billing"."payments"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "payments_status_check" CHECK ("billing"."payments"."status" IN ('pending', 'completed', 'failed', 'refunded')),
	CONSTRAINT "payments_payment_gateway_check" CHECK ("billing"."payments"."payment_gateway" IN ('stripe', 'yandex_kassa', 'sberbank', 'webmoney')),
	CONSTRAINT "payments_card_last_4_check" CHECK ("billing"."payments"."card_last_4" IS NULL OR "billing"."payments"."card_last_4" ~ '^[0-9]{4}$'),
	CONSTRAINT "payments_payer_country_check" CHECK ("billing"."payments"."payer_country" IS NULL OR "billing"."payments"."payer_country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "billing"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "billing"."refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"reason" varchar(500),
	"status" varchar(16) NOT NULL,
	"gateway_refund_id" varchar(255),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "refunds_amount_cents_check" CHECK ("billing"."refunds"."amount_cents" > 0),
	CONSTRAINT "refunds_status_check" CHECK ("billing"."refunds"."status" IN ('pending', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "billing"."subscription_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(100) NOT NULL,
	"description" text,
	"price_cents" integer NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"billing_period" varchar(16) NOT NULL,
	"trial_period_days" integer DEFAULT 0 NOT NULL,
	"features" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_courses" integer,
	"max_trainers" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_plans_billing_period_check" CHECK ("billing"."subscription_plans"."billing_period" IN ('monthly', 'quarterly', 'annual')),
	CONSTRAINT "subscription_plans_trial_period_days_check" CHECK ("billing"."subscription_plans"."trial_period_days" BETWEEN 0 AND 90),
	CONSTRAINT "subscription_plans_price_cents_check" CHECK ("billing"."subscription_plans"."price_cents" > 0),
	CONSTRAINT "subscription_plans_currency_check" CHECK ("billing"."subscription_plans"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "subscription_plans_features_array" CHECK (jsonb_typeof("billing"."subscription_plans"."features") = 'array'),
	CONSTRAINT "subscription_plans_max_courses_check" CHECK ("billing"."subscription_plans"."max_courses" IS NULL OR "billing"."subscription_plans"."max_courses" >= 0),
	CONSTRAINT "subscription_plans_max_trainers_check" CHECK ("billing"."subscription_plans"."max_trainers" IS NULL OR "billing"."subscription_plans"."max_trainers" >= 0)
);
--> statement-breakpoint
CREATE TABLE "billing"."subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"status" varchar(16) NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"renewal_date" date,
	"auto_renewal" boolean DEFAULT true NOT NULL,
	"payment_gateway" varchar(16) NOT NULL,
	"payment_method" varchar(255) NOT NULL,
	"is_trial" boolean DEFAULT false NOT NULL,
	"trial_end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"canceled_at" timestamp with time zone,
	CONSTRAINT "subscriptions_status_check" CHECK ("billing"."subscriptions"."status" IN ('pending', 'active', 'canceled', 'expired')),
	CONSTRAINT "subscriptions_trial_end_check" CHECK (NOT "billing"."subscriptions"."is_trial" OR "billing"."subscriptions"."trial_end_date" IS NOT NULL),
	CONSTRAINT "subscriptions_payment_gateway_check" CHECK ("billing"."subscriptions"."payment_gateway" IN ('stripe', 'yandex_kassa', 'sberbank', 'webmoney')),
	CONSTRAINT "subscriptions_dates_check" CHECK ("billing"."subscriptions"."end_date" IS NULL OR "billing"."subscriptions"."end_date" >= "billing"."subscriptions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "billing"."webhook_events" (
	"gateway" varchar(16) NOT NULL,
	"event_id" varchar(255) NOT NULL,
	"type" varchar(100) NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_events_gateway_event_id_pk" PRIMARY KEY("gateway","event_id")
);
--> statement-breakpoint
ALTER TABLE "billing"."payments" ADD CONSTRAINT "payments_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "billing"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "billing"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing"."subscriptions" ADD CONSTRAINT "subscriptions_plan_id_subscription_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "billing"."subscription_plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "billing"."outbox" USING btree ("occurred_at") WHERE published_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_idempotency_key_key" ON "billing"."payments" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_gateway_intent_key" ON "billing"."payments" USING btree ("payment_gateway","payment_intent_id");--> statement-breakpoint
CREATE INDEX "payments_subscription_id_status_idx" ON "billing"."payments" USING btree ("subscription_id","status");--> statement-breakpoint
CREATE INDEX "payments_payment_gateway_idx" ON "billing"."payments" USING btree ("payment_gateway");--> statement-breakpoint
CREATE INDEX "payments_created_at_idx" ON "billing"."payments" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "refunds_payment_id_idx" ON "billing"."refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_gateway_refund_id_key" ON "billing"."refunds" USING btree ("gateway_refund_id");--> statement-breakpoint
CREATE INDEX "subscriptions_user_id_status_idx" ON "billing"."subscriptions" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "subscriptions_renewal_date_idx" ON "billing"."subscriptions" USING btree ("renewal_date");--> statement-breakpoint
CREATE INDEX "subscriptions_created_at_idx" ON "billing"."subscriptions" USING btree ("created_at" DESC NULLS LAST);