import { runSubgraphProcess } from '../../kit/subgraph-main.js';
import { republishCoachingEvents } from './coaching-events.js';
import { createSubgraph } from './server.js';

/**
 * The training process: `serve` (default), or `republish-coaching` (`npm run
 * training:republish-coaching`): writes every coaching relationship's current state to training's
 * outbox again (coaching.started for the active ones, coaching.ended for the ended ones), so a
 * subgraph's copy of who coaches whom that is new, lost or restored from a backup catches up. The
 * running training process relays the events; consumers apply them idempotently.
 */
await runSubgraphProcess('training', createSubgraph, {
  'republish-coaching': async (runtime) => ({
    report: { written: await republishCoachingEvents(runtime.database.db, runtime.clock.now()) },
  }),
});
