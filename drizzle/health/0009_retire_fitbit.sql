-- The Fitbit Web API was shut down on 2 Nov 2026 (every endpoint answers 410 Gone). Existing
-- Fitbit integrations stay readable but stop syncing: inactive, with a reason the client shows
-- (HealthIntegration.inactiveReason PROVIDER_RETIRED), so the user connects Google Health instead.
-- Their tokens open nothing any more and are dropped, as are Fitbit tokens still queued for
-- revocation (there is no endpoint left to revoke them at). Samples with source 'fitbit' stay.
UPDATE "health"."health_integrations"
SET "is_active" = false,
    "inactive_reason" = 'provider_retired',
    "access_token_encrypted" = NULL,
    "refresh_token_encrypted" = NULL,
    "token_expires_at" = NULL,
    "sync_claimed_until" = NULL
WHERE "provider" = 'fitbit';
--> statement-breakpoint
DELETE FROM "health"."token_revocations" WHERE "provider" = 'fitbit';
