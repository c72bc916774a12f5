ALTER TABLE "identity"."users" DROP CONSTRAINT "users_roles_known";--> statement-breakpoint
-- char(2) padded a one-letter code ('x' became 'x ') and took any case. The column becomes
-- varchar(2) holding upper-case ISO 3166-1 alpha-2 codes, as billing.payments.payer_country does:
-- stored codes are trimmed and upper-cased, and what still is not two letters is cleared.
ALTER TABLE "identity"."users" ALTER COLUMN "country_code" SET DATA TYPE varchar(2)
  USING CASE WHEN upper(trim("country_code")) ~ '^[A-Z]{2}$' THEN upper(trim("country_code")) END;--> statement-breakpoint
-- Stored enum values are lower case in every subgraph (kit/stored-enums.ts), roles included.
UPDATE "identity"."users" SET "roles" = (SELECT array_agg(lower(r) ORDER BY o) FROM unnest("roles") WITH ORDINALITY AS x(r, o))
  WHERE cardinality("roles") > 0 AND "roles"::text <> lower("roles"::text);--> statement-breakpoint
ALTER TABLE "identity"."users" ALTER COLUMN "roles" SET DEFAULT '{user}'::text[];--> statement-breakpoint
ALTER TABLE "identity"."users" ADD CONSTRAINT "users_country_code_iso" CHECK ("identity"."users"."country_code" IS NULL OR "identity"."users"."country_code" ~ '^[A-Z]{2}$');--> statement-breakpoint
ALTER TABLE "identity"."users" ADD CONSTRAINT "users_roles_known" CHECK ("identity"."users"."roles" <@ ARRAY['user','admin']::text[]);
