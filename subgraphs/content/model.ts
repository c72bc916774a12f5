import type { ContentItemRow } from './tables.js';

/** A Trainer as this subgraph knows it: only its id (the training subgraph owns the rest). */
export interface TrainerRef {
  id: string;
}

/** A User as this subgraph knows it: only its id (the identity subgraph owns the rest). */
export interface UserRef {
  id: string;
}

/** One search hit: the row, its relevance and the highlighted excerpt. */
export interface SearchHit {
  item: ContentItemRow;
  rank: number;
  snippet: string | null;
}
