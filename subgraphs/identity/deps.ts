import type { SubgraphDeps } from '../../kit/subgraph.js';

/** What the identity subgraph's resolvers and domain functions are given (server.ts builds it). */
export type IdentityDeps = SubgraphDeps;
