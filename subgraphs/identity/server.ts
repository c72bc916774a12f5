import { readFileSync } from 'node:fs';
import { OutboxRelay } from '../../kit/events/outbox.js';
import { defineSubgraph, type Subgraph, type SubgraphDeps } from '../../kit/subgraph.js';
import { mutationResolvers } from './resolvers/Mutation.js';
import { queryResolvers } from './resolvers/Query.js';
import { userResolvers } from './resolvers/User.js';
import { outbox } from './tables.js';

export type IdentityDeps = SubgraphDeps;

export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

/** Users and sessions: who is who, and proof of it. */
export function createSubgraph(deps: IdentityDeps): Subgraph {
  return defineSubgraph(deps, {
    name: 'identity',
    typeDefs,
    resolvers: {
      Query: queryResolvers(deps),
      Mutation: mutationResolvers(deps),
      User: userResolvers(deps),
    },
    background: [new OutboxRelay(deps.database, outbox, deps.bus, 'identity', deps.log)],
  });
}
