import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders. Each request context owns one registry; a loader is made the first
 * time a resolver asks for it by name and lives as long as the request, so batching and caching
 * never cross users.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<any, any, any>>();

  get<K, V, C = K>(
    name: string,
    batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
    options: DataLoader.Options<K, V, C> = {},
  ): DataLoader<K, V, C> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V, C>(batch, { maxBatchSize: 1000, ...options });
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V, C>;
  }
}

/** One value per key, in the keys' order; null where nothing matched. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((key) => map.get(key) ?? null);
}

/** A list per key, in the keys' order; an empty list where nothing matched. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}

/**
 * Loader keys made of several arguments (user id + metric type + range ...) as a stable string,
 * so two resolvers asking the same question share one batch entry. Nested objects (a list's
 * filter) are written with their keys sorted too, whatever order they were built in.
 */
export function compositeKey(parts: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(parts)
      .sort()
      .map((k) => [k, parts[k]]),
    (_key, value) =>
      value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value,
  );
}

/**
 * A batch function for keys made of a parent and arguments (user + page, user + series range):
 * keys that differ only by parent form a group, and each group runs once for all its parents, so
 * fifty users asking the same question cost one statement, not fifty. `run` answers a group with a
 * value per parent; a parent it leaves out gets `missing()`. A group that fails fails only its own
 * keys (as DataLoader errors), not the other groups of the batch.
 */
export async function batchByArgs<K, A extends object, V>(
  keys: readonly K[],
  split: (key: K) => { parent: string; args: A },
  run: (parents: string[], args: A) => Promise<Map<string, V>>,
  missing: () => V,
): Promise<(V | Error)[]> {
  const groups = new Map<string, { args: A; parents: Set<string> }>();
  const groupOf = keys.map((key) => {
    const { parent, args } = split(key);
    const id = compositeKey(args as Record<string, unknown>);
    let group = groups.get(id);
    if (!group) {
      group = { args, parents: new Set() };
      groups.set(id, group);
    }
    group.parents.add(parent);
    return { id, parent };
  });
  const answers = new Map<string, Map<string, V> | Error>(
    await Promise.all(
      [...groups].map(async ([id, group]): Promise<[string, Map<string, V> | Error]> => {
        try {
          return [id, await run([...group.parents], group.args)];
        } catch (error) {
          return [id, error instanceof Error ? error : new Error(String(error))];
        }
      }),
    ),
  );
  return groupOf.map(({ id, parent }) => {
    const answer = answers.get(id)!;
    if (answer instanceof Error) return answer;
    return answer.has(parent) ? answer.get(parent)! : missing();
  });
}
