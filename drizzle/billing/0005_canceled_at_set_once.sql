-- canceled_at is the time of a subscription's first cancellation and never changes afterwards:
-- canceling now what was canceled at period end keeps it (subgraphs/billing/lifecycle.ts). The
-- trigger holds the rule whoever writes.
CREATE FUNCTION "billing"."subscriptions_canceled_at_set_once"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.canceled_at IS NOT NULL AND NEW.canceled_at IS DISTINCT FROM OLD.canceled_at THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'subscriptions_canceled_at_set_once',
      MESSAGE = 'a subscription''s canceled_at is set once';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "subscriptions_canceled_at_set_once" BEFORE UPDATE OF "canceled_at" ON "billing"."subscriptions"
  FOR EACH ROW EXECUTE FUNCTION "billing"."subscriptions_canceled_at_set_once"();
