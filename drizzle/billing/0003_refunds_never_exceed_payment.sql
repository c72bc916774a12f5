-- Refunds of a payment never add up to more than the payment, whoever writes them (billing's
-- code, a webhook, a hand-run statement). Refunds that failed return nothing and do not count.
-- The payment row is locked before the sum is taken, so concurrent writers of one payment's
-- refunds queue on it, and under READ COMMITTED each sum (a new statement, a new snapshot) sees
-- the refunds committed before it. The violation is a check_violation of the constraint name
-- "refunds_within_payment", which billing answers with RefundExceedsPayment.
CREATE FUNCTION "billing"."refunds_within_payment"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  paid integer;
  refunded bigint;
BEGIN
  IF NEW.status = 'failed' THEN
    RETURN NEW;
  END IF;
  SELECT amount_cents INTO paid FROM billing.payments WHERE id = NEW.payment_id FOR UPDATE;
  IF NOT FOUND THEN
    -- The foreign key reports a missing payment.
    RETURN NEW;
  END IF;
  SELECT coalesce(sum(amount_cents), 0) INTO refunded
    FROM billing.refunds
   WHERE payment_id = NEW.payment_id AND status <> 'failed' AND id <> NEW.id;
  IF refunded + NEW.amount_cents > paid THEN
    RAISE EXCEPTION 'refunds of a payment would exceed its amount'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_within_payment';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "refunds_within_payment" BEFORE INSERT OR UPDATE OF "payment_id", "amount_cents", "status"
  ON "billing"."refunds" FOR EACH ROW EXECUTE FUNCTION "billing"."refunds_within_payment"();
--> statement-breakpoint

-- The same rule from the payment's side: its amount never drops below what was refunded of it.
CREATE FUNCTION "billing"."payment_covers_refunds"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.amount_cents < (
    SELECT coalesce(sum(amount_cents), 0) FROM billing.refunds
     WHERE payment_id = NEW.id AND status <> 'failed'
  ) THEN
    RAISE EXCEPTION 'a payment cannot be less than its refunds'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_within_payment';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "payment_covers_refunds" BEFORE UPDATE OF "amount_cents"
  ON "billing"."payments" FOR EACH ROW EXECUTE FUNCTION "billing"."payment_covers_refunds"();
