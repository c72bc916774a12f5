import { readFileSync } from 'node:fs';
import { eventConsumer } from '../../kit/events/consumer.js';
import { OutboxRelay } from '../../kit/events/outbox.js';
import { RateLimitSweeper } from '../../kit/rate-limit.js';
import { defineSubgraph, type Subgraph } from '../../kit/subgraph.js';
import { PeriodClaims } from '../../kit/periodic-claims.js';
import type { IdentityDeps } from './deps.js';
import { mutationResolvers } from './resolvers/Mutation.js';
import { queryResolvers } from './resolvers/Query.js';
import { linkedAccountResolvers } from './resolvers/LinkedAccount.js';
import { userResolvers } from './resolvers/User.js';
import { devMailboxRoute } from './dev-mailbox-route.js';
import { createMailer, type Mailer } from './mailer.js';
import { PasswordResetMailer } from './workers/reset-mails.js';
import { IdentitySweeper } from './workers/sweep.js';
import { outbox, periodicRuns, processedEvents, rateLimits } from './tables.js';
import { viewerRefreshHandlers } from './viewer-refresh.js';

export type { IdentityDeps } from './deps.js';
export type { Mailer };

export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

/** Users and sessions: who is who, and proof of it. */
export function createSubgraph(deps: IdentityDeps, mailer: Mailer = createMailer(deps)): Subgraph {
  const claims = new PeriodClaims(deps.database, periodicRuns);
  return defineSubgraph(deps, {
    name: 'identity',
    typeDefs,
    resolvers: {
      Query: queryResolvers(deps),
      Mutation: mutationResolvers(deps, mailer),
      User: userResolvers(deps),
      LinkedAccount: linkedAccountResolvers(),
    },
    routes: deps.production ? [] : [devMailboxRoute(deps.database)],
    background: [
      new OutboxRelay(deps.database, outbox, deps.bus, 'identity', deps.log),
      eventConsumer({
        group: 'identity',
        database: deps.database,
        bus: deps.bus,
        processedEvents,
        handlers: viewerRefreshHandlers(deps.kv),
        log: deps.log,
      }),
      new RateLimitSweeper(deps.database, rateLimits, claims, deps.log),
    ],
    workers: [new IdentitySweeper(deps, claims), new PasswordResetMailer(deps, mailer)],
  });
}
