/**
 * The subgraphs of the supergraph, in migration order (later ones hold foreign keys to earlier
 * ones). `npm run compose` builds schema/supergraph.graphql from their SDL; the stack starts each
 * from subgraphs/<name>/server.ts; migrations live in drizzle/<name>/.
 */
// content follows training (its creator_id foreign keys name training.trainers) where both exist.
export const SUBGRAPH_NAMES = ['identity', 'content'] as const;

export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const sdlPath = (name: SubgraphName) => `subgraphs/${name}/schema.graphql`;
