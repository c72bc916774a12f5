import type { GraphQLFormattedError } from 'graphql';

/**
 * The query planner asks a subgraph for one entity per occurrence in the response so far: five
 * sessions on the same plan by the same trainer make five identical `User` representations in
 * one `_entities` call. Each costs the subgraph a loader key, a reference resolution and the
 * serialisation of its answer. This sends each distinct representation once and expands the
 * answer back to one entry per occurrence, in the order the planner expects.
 */
export interface DedupedRepresentations {
  /** The distinct representations, in order of first occurrence. */
  unique: unknown[];
  /** For each original position, its index in `unique`. */
  indexOf: number[];
}

/** Null when every representation is distinct already (nothing to gain). */
export function dedupeRepresentations(representations: readonly unknown[]): DedupedRepresentations | null {
  if (representations.length < 2) return null;
  const seen = new Map<string, number>();
  const unique: unknown[] = [];
  const indexOf: number[] = new Array(representations.length);
  for (let i = 0; i < representations.length; i++) {
    const representation = representations[i];
    const key = JSON.stringify(representation);
    let index = seen.get(key);
    if (index === undefined) {
      index = unique.length;
      seen.set(key, index);
      unique.push(representation);
    }
    indexOf[i] = index;
  }
  return unique.length === representations.length ? null : { unique, indexOf };
}

/**
 * The subgraph's `_entities` answer (for `unique`) as one entry per original representation.
 * Repeats are copies: the gateway merges later fetches into each entry separately. Errors at
 * `_entities.<i>` are repeated for every occurrence of that representation.
 */
export function expandEntities<
  R extends { data?: Record<string, unknown> | null; errors?: readonly unknown[] },
>(response: R, deduped: DedupedRepresentations): R {
  const entities = response.data?._entities;
  if (!Array.isArray(entities) || entities.length !== deduped.unique.length) return response;
  const used = new Array<boolean>(entities.length).fill(false);
  const expanded = deduped.indexOf.map((index) => {
    const entity = entities[index];
    if (!used[index]) {
      used[index] = true;
      return entity;
    }
    return entity === null || typeof entity !== 'object' ? entity : structuredClone(entity);
  });
  let errors = response.errors;
  if (errors?.length) {
    const occurrences = new Map<number, number[]>();
    deduped.indexOf.forEach((index, original) => {
      const list = occurrences.get(index);
      if (list) list.push(original);
      else occurrences.set(index, [original]);
    });
    errors = (errors as GraphQLFormattedError[]).flatMap((error) => {
      const path = error.path;
      if (path?.[0] !== '_entities' || typeof path[1] !== 'number') return [error];
      return (occurrences.get(path[1]) ?? [path[1]]).map((original) => ({
        ...error,
        path: ['_entities', original, ...path.slice(2)],
      }));
    });
  }
  return { ...response, data: { ...response.data, _entities: expanded }, errors };
}
