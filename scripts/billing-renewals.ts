import { loadEnv } from '../kit/env.js';
import { createRuntime } from '../kit/runtime.js';
import { runRenewals } from '../subgraphs/billing/renewals.js';
import { billingDeps } from '../subgraphs/billing/server.js';

/**
 * `npm run billing:renew`: one pass of the renewal worker (charge due renewals, end canceled and
 * expired subscriptions), for a cron job or by hand. Safe to run while the billing process runs
 * its own passes, and any number of times a day: each period is charged at most once.
 */
const env = loadEnv();
const runtime = await createRuntime(env);
try {
  const report = await runRenewals(billingDeps(runtime));
  console.log(JSON.stringify(report));
} finally {
  await runtime.close();
}
