-- The client is an identity user. Users are soft-deleted (the GDPR consumer deletes the rows);
-- a hard delete (data repair) takes the relationships with it.
ALTER TABLE "training"."trainer_clients" ADD CONSTRAINT "trainer_clients_user_id_users_fk" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE CASCADE;
--> statement-breakpoint
-- Only a verified trainer with an account can be hired, and never by themself: checked by the
-- domain code with a clear error, and here, so no other writer can break it.
CREATE FUNCTION "training"."trainer_clients_check_trainer"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  coach "training"."trainers"%ROWTYPE;
BEGIN
  SELECT * INTO coach FROM "training"."trainers" WHERE id = NEW.trainer_id;
  IF NOT FOUND OR coach.user_id IS NULL OR NOT coach.verified THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'trainer_clients_trainer_verified',
      MESSAGE = 'only a verified trainer can take clients';
  END IF;
  IF coach.user_id = NEW.user_id THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'trainer_clients_not_self',
      MESSAGE = 'a trainer cannot coach themself';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "trainer_clients_check_trainer" BEFORE INSERT ON "training"."trainer_clients"
  FOR EACH ROW EXECUTE FUNCTION "training"."trainer_clients_check_trainer"();
