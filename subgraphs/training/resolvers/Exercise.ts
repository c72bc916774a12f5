import { fromStored } from '../../../kit/stored-enums.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { Difficulty, ExerciseCategory, ExerciseResolvers } from '../generated/resolvers-types.js';
import { exerciseById } from '../loaders.js';
import type { TrainingDeps } from '../deps.js';
import type { ExerciseRow } from '../tables.js';

export function exerciseResolvers(deps: TrainingDeps): ExerciseResolvers<RequestContext, ExerciseRow> {
  return {
    __resolveReference: (reference, ctx) => exerciseById(ctx, deps.database.db).load(reference.id),
    category: (row) => fromStored<ExerciseCategory>(row.category),
    difficulty: (row) => fromStored<Difficulty>(row.difficulty),
  };
}
