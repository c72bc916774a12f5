import { readFileSync } from 'node:fs';
import { eventConsumer } from '../../kit/events/consumer.js';
import { OutboxRelay } from '../../kit/events/outbox.js';
import { defineSubgraph, type Subgraph } from '../../kit/subgraph.js';
import { PeriodClaims } from '../../kit/periodic-claims.js';
import type { ContentDeps } from './deps.js';
import { eraseUser } from './gdpr.js';
import { contentItemResolvers } from './resolvers/ContentItem.js';
import { courseResolvers } from './resolvers/Course.js';
import { lessonResolvers } from './resolvers/Lesson.js';
import { mutationResolvers } from './resolvers/Mutation.js';
import { queryResolvers } from './resolvers/Query.js';
import { trainerResolvers } from './resolvers/Trainer.js';
import { enrollmentResolvers, userResolvers } from './resolvers/User.js';
import { outbox, periodicRuns, processedEvents } from './tables.js';
import { SearchTermsRefresher } from './workers/search-terms.js';
import { ViewCounterFlusher } from './workers/view-counter.js';
import { ViewMarkSweeper } from './workers/view-marks.js';

export type { ContentDeps } from './deps.js';

export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

/** Content items, courses and lessons: searchable, rated, enrolled in. */
export function createSubgraph(deps: ContentDeps): Subgraph {
  return defineSubgraph(deps, {
    name: 'content',
    typeDefs,
    resolvers: {
      Query: queryResolvers(deps),
      Mutation: mutationResolvers(deps),
      ContentItem: contentItemResolvers(deps),
      Course: courseResolvers(deps),
      Lesson: lessonResolvers(deps),
      Trainer: trainerResolvers(deps),
      User: userResolvers(deps),
      Enrollment: enrollmentResolvers(deps),
    },
    background: [
      new OutboxRelay(deps.database, outbox, deps.bus, 'content', deps.log),
      eventConsumer({
        group: 'content',
        database: deps.database,
        bus: deps.bus,
        processedEvents,
        handlers: {
          'user.deleted': (tx, event) => eraseUser(tx, event.payload, deps),
        },
        log: deps.log,
      }),
    ],
    workers: [
      new ViewCounterFlusher(deps.database, deps.log),
      new ViewMarkSweeper(deps, new PeriodClaims(deps.database, periodicRuns)),
      new SearchTermsRefresher(deps.database, deps.log, new PeriodClaims(deps.database, periodicRuns)),
    ],
  });
}
