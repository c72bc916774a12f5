import type { SubgraphDeps } from '../../kit/subgraph.js';

/** What the analytics subgraph's resolvers and domain functions are given (server.ts builds it). */
export type AnalyticsDeps = SubgraphDeps;
