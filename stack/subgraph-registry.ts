import type { Subgraph, SubgraphDeps } from '../kit/subgraph.js';
import type { SubgraphName } from '../schema/subgraphs.js';

type Factory = (deps: SubgraphDeps) => Subgraph;

/** How to build each subgraph; typed against SUBGRAPH_NAMES so a new name without a factory fails to compile. */
export const SUBGRAPH_FACTORIES: Record<SubgraphName, () => Promise<Factory>> = {
  identity: async () => (await import('../subgraphs/identity/server.js')).createSubgraph,
  training: async () => (await import('../subgraphs/training/server.js')).createSubgraph,
  health: async () => (await import('../subgraphs/health/server.js')).createSubgraph,
  billing: async () => {
    const { createSubgraph } = await import('../subgraphs/billing/server.js');
    return (deps) => createSubgraph(deps);
  },
  content: async () => (await import('../subgraphs/content/server.js')).createSubgraph,
  analytics: async () => (await import('../subgraphs/analytics/server.js')).createSubgraph,
};
