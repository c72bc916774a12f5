-- As identity.users.country_code: varchar(2), upper-case ISO 3166-1 alpha-2 or null. Projected
-- codes are trimmed and upper-cased; what still is not two letters is cleared.
ALTER TABLE "analytics"."user_profiles" ALTER COLUMN "country_code" SET DATA TYPE varchar(2)
  USING CASE WHEN upper(trim("country_code")) ~ '^[A-Z]{2}$' THEN upper(trim("country_code")) END;--> statement-breakpoint
ALTER TABLE "analytics"."user_profiles" ADD CONSTRAINT "user_profiles_country_code_iso" CHECK ("analytics"."user_profiles"."country_code" IS NULL OR "analytics"."user_profiles"."country_code" ~ '^[A-Z]{2}$');
