/**
 * The subgraphs of the supergraph, in migration order (later ones hold foreign keys to earlier
 * ones). `npm run compose` builds schema/supergraph.graphql from their SDL; the stack starts each
 * from subgraphs/<name>/server.ts; migrations live in drizzle/<name>/.
 */
export const SUBGRAPH_NAMES = ['identity', 'training', 'content', 'billing', 'health', 'analytics'] as const;

export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const sdlPath = (name: SubgraphName) => `subgraphs/${name}/schema.graphql`;
