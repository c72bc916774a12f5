import type { Subgraph, SubgraphDeps } from '../kit/subgraph.js';
import type { SubgraphName } from '../schema/subgraphs.js';

type Factory = (deps: SubgraphDeps) => Subgraph;

/** How to build each subgraph; typed against SUBGRAPH_NAMES so a new name without a factory fails to compile. */
export const SUBGRAPH_FACTORIES: Record<SubgraphName, () => Promise<Factory>> = {
  identity: async () => (await import('../subgraphs/identity/server.js')).createSubgraph,
  analytics: async () => (await import('../subgraphs/analytics/server.js')).createSubgraph,
};
