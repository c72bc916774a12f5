-- Before this migration a provider sign-in whose email the provider had not verified (Yandex, VK,
-- or email_verified false) created an account holding that address, so the address's owner could
-- not sign up with it. Such an account has no password and an unverified address (a password reset
-- would have verified it); it gets the placeholder a provider without an email gets, and the
-- address is free for whoever proves it. The provider link keeps the email it reported.
-- Links made before this migration count as unverified (email_verified false) until the provider
-- signs in again and says otherwise.
UPDATE "identity"."users" AS u
SET "email" = lower(first_link.provider || '.' || first_link.provider_user_id || '@oauth.invalid'),
    "updated_at" = now()
FROM (
  SELECT DISTINCT ON (user_id) user_id, provider, provider_user_id
  FROM "identity"."user_oauth_connections"
  ORDER BY user_id, created_at, provider
) AS first_link
WHERE first_link.user_id = u.id
  AND u.email_verified = false
  AND u.password_hash IS NULL
  AND u.deleted_at IS NULL
  AND u.email NOT LIKE '%@oauth.invalid';
