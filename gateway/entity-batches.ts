import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import { dedupeRepresentations, expandEntities } from './entities.js';

type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** One `_entities` fetch of one event's plan, waiting for the batch it joined. */
interface Member {
  options: GraphQLDataSourceProcessOptions;
  representations: unknown[];
  resolve(response: Response): void;
  reject(error: unknown): void;
}

/** What `entityBatches` counts, for tests and logs. */
export interface EntityBatchStats {
  /** `_entities` fetches the plans asked for. */
  asked: number;
  /** Requests sent to subgraphs for them. */
  sent: number;
}

/**
 * Who a fetch runs as: requests of different viewers never share one subgraph request, since the
 * subgraph authorizes a whole request as the one viewer its signed identity header names (a
 * coach's fetch must not run with the athlete's rights, nor the other way round).
 */
function identityOf(context: Record<string, any>): string {
  return JSON.stringify([context?.viewer ?? null, context?.ip ?? null]);
}

/**
 * The data sources of subscription events, with DataLoader-style batching of entity fetches:
 * every `_entities` fetch that the plans of events (of any subscriptions on this gateway) ask of
 * one subgraph in the same tick, with the same operation, the same other variables and the same
 * viewer, goes out as one request with all their representations, each distinct one once; the
 * answer is split back to each fetch in its own order, entity errors with it. At 2,000
 * subscribers an event owed to a user's ten subscriptions was ten identical `_entities`
 * requests to identity; it is one now. Other fetches pass through unchanged.
 *
 * `schedule` decides when a batch goes: by default on the next turn of the event loop
 * (setImmediate), after every event that arrived in the same I/O turn has run its plan up to
 * its entity fetches (microtasks only until then).
 */
export function entityBatches(
  serviceMap: Record<string, GraphQLDataSource>,
  options: { schedule?: (flush: () => void) => void } = {},
): { serviceMap: Record<string, GraphQLDataSource>; stats: EntityBatchStats } {
  const schedule = options.schedule ?? ((flush) => void setImmediate(flush));
  const stats: EntityBatchStats = { asked: 0, sent: 0 };
  const batched: Record<string, GraphQLDataSource> = {};
  for (const [name, source] of Object.entries(serviceMap)) {
    let waiting = new Map<string, Member[]>();
    let scheduled = false;
    const flush = () => {
      scheduled = false;
      const batches = waiting;
      waiting = new Map();
      for (const members of batches.values()) {
        stats.sent++;
        void send(source, members);
      }
    };
    batched[name] = {
      process(processOptions) {
        const variables = processOptions.request.variables;
        const representations = variables?.representations;
        if (!Array.isArray(representations)) return source.process(processOptions);
        stats.asked++;
        const { representations: _own, ...others } = variables!;
        const key = JSON.stringify([
          processOptions.request.query,
          processOptions.request.operationName ?? null,
          others,
          identityOf(processOptions.context),
        ]);
        return new Promise<Response>((resolve, reject) => {
          const member: Member = { options: processOptions, representations, resolve, reject };
          const members = waiting.get(key);
          if (members) members.push(member);
          else waiting.set(key, [member]);
          if (!scheduled) {
            scheduled = true;
            schedule(flush);
          }
        });
      },
    };
  }
  return { serviceMap: batched, stats };
}

/** Sends one batch and hands each member its share of the answer. */
async function send(source: GraphQLDataSource, members: Member[]): Promise<void> {
  const [first] = members;
  if (members.length === 1) {
    try {
      first!.resolve(await source.process(first!.options));
    } catch (error) {
      first!.reject(error);
    }
    return;
  }
  const all = members.flatMap((member) => member.representations);
  const deduped = dedupeRepresentations(all);
  let response: Response;
  try {
    response = await source.process({
      ...first!.options,
      request: {
        ...first!.options.request,
        variables: { ...first!.options.request.variables, representations: deduped?.unique ?? all },
      },
    });
  } catch (error) {
    for (const member of members) member.reject(error);
    return;
  }
  const expanded = deduped ? expandEntities(response, deduped) : response;
  const shares = splitEntities(
    expanded,
    members.map((member) => member.representations.length),
  );
  for (const [index, member] of members.entries()) member.resolve(shares[index]!);
}

/**
 * The answer for all members' representations, in order, as one answer per member: its slice
 * of `_entities`, the entity errors of its slice (paths re-based on its own first
 * representation) and every error that names no entity. An answer of the wrong shape goes to
 * every member as it came, for the executor to report.
 */
export function splitEntities<R extends Response>(response: R, sizes: readonly number[]): R[] {
  const entities = response.data?._entities;
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (!Array.isArray(entities) || entities.length !== total) return sizes.map(() => response);
  const starts: number[] = [];
  let offset = 0;
  for (const size of sizes) {
    starts.push(offset);
    offset += size;
  }
  const errorsOf: GraphQLFormattedError[][] = sizes.map(() => []);
  for (const error of (response.errors ?? []) as GraphQLFormattedError[]) {
    const at = error.path?.[0] === '_entities' ? error.path[1] : undefined;
    if (typeof at !== 'number') {
      for (const list of errorsOf) list.push(error);
      continue;
    }
    const member = starts.findLastIndex((start) => start <= at);
    if (member < 0 || at >= total) continue;
    errorsOf[member]!.push({ ...error, path: ['_entities', at - starts[member]!, ...error.path!.slice(2)] });
  }
  return sizes.map((size, member) => {
    const start = starts[member]!;
    const errors = errorsOf[member]!;
    return {
      ...response,
      data: { ...response.data, _entities: entities.slice(start, start + size) },
      errors: errors.length > 0 ? errors : undefined,
    } as R;
  });
}
