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
 * so two resolvers asking the same question share one batch entry.
 */
export function compositeKey(parts: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(parts)
      .sort()
      .map((k) => [k, parts[k]]),
  );
}
