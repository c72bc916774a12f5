import { loadEnv } from '../../kit/env.js';
import { createRuntime } from '../../kit/runtime.js';
import { republishCoachingEvents } from './coaching-events.js';

/**
 * `npm run training:republish-coaching`: writes every coaching relationship's current state to
 * training's outbox again (coaching.started for the active ones, coaching.ended for the ended
 * ones), so a subgraph's copy of who coaches whom that is new, lost or restored from a backup
 * catches up. The running training process relays the events; consumers apply them idempotently.
 */
const runtime = await createRuntime(loadEnv());
try {
  const written = await republishCoachingEvents(runtime.database.db, runtime.clock.now());
  runtime.log.info({ written }, 'coaching events written to the outbox');
} finally {
  await runtime.close();
}
