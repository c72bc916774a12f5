import type { SubgraphDeps } from '../../kit/subgraph.js';

/** What the content subgraph's resolvers and domain functions are given (server.ts builds it). */
export type ContentDeps = SubgraphDeps;
