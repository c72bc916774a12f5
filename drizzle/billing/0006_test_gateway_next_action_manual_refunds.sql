ALTER TABLE "billing"."payments" DROP CONSTRAINT "payments_payment_gateway_check";--> statement-breakpoint
ALTER TABLE "billing"."refunds" DROP CONSTRAINT "refunds_status_check";--> statement-breakpoint
ALTER TABLE "billing"."subscriptions" DROP CONSTRAINT "subscriptions_payment_gateway_check";--> statement-breakpoint
ALTER TABLE "billing"."payments" ADD COLUMN "next_action" jsonb;--> statement-breakpoint
ALTER TABLE "billing"."payments" ADD CONSTRAINT "payments_payment_gateway_check" CHECK ("billing"."payments"."payment_gateway" IN ('stripe', 'yandex_kassa', 'sberbank', 'webmoney', 'test'));--> statement-breakpoint
ALTER TABLE "billing"."refunds" ADD CONSTRAINT "refunds_status_check" CHECK ("billing"."refunds"."status" IN ('pending', 'succeeded', 'failed', 'manual'));--> statement-breakpoint
ALTER TABLE "billing"."subscriptions" ADD CONSTRAINT "subscriptions_payment_gateway_check" CHECK ("billing"."subscriptions"."payment_gateway" IN ('stripe', 'yandex_kassa', 'sberbank', 'webmoney', 'test'));