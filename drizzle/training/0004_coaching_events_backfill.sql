-- Health and billing keep their own copy of who coaches whom, built from coaching events
-- (subgraphs/training/coaching-events.ts); they cannot read this schema, so no migration of theirs
-- can fill it. Relationships that exist before coaching events did are announced here, once, as
-- coaching.started, in the same transaction as the migration: the outbox relay publishes them
-- when training starts. Ended ones need no event (an empty copy holds nothing to end). To rebuild
-- a copy later (a new consumer, a restored backup): npm run training:republish-coaching.
INSERT INTO "training"."outbox" ("id", "type", "payload", "occurred_at")
SELECT gen_random_uuid(), 'coaching.started',
  jsonb_build_object(
    'relationshipId', tc.id, 'trainerId', tc.trainer_id, 'trainerUserId', t.user_id,
    'userId', tc.user_id, 'startedAt', tc.started_at, 'endedAt', NULL
  ),
  now()
FROM "training"."trainer_clients" tc
JOIN "training"."trainers" t ON t.id = tc.trainer_id
WHERE tc.ended_at IS NULL AND t.user_id IS NOT NULL;
