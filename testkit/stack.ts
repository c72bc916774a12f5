import { randomBytes } from 'node:crypto';
import type { DocumentTypeDecoration, TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type Clock, ManualClock } from '../kit/clock.js';
import type { Database } from '../kit/db.js';
import { loadEnv } from '../kit/env.js';
import type { Logger } from '../kit/log.js';
import { MemoryEventBus } from '../kit/events/memory-bus.js';
import { OutboxRelay } from '../kit/events/outbox.js';
import { liveSubscriptions } from '../kit/subscriptions.js';
import { boundaryOf, readMultipartJson } from '../clients/typescript/src/multipart.js';
import type { GatewayOptions } from '../gateway/server.js';
import { startStack, type Stack } from '../stack/stack.js';
import { createTestDatabase } from './database.js';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; [key: string]: unknown };
  }[];
}

export interface TestStack extends Stack {
  clock: ManualClock;
  /** Sends an operation to the gateway as the holder of `token` (or anonymously). */
  gql<T = any>(
    query: string | TypedDocumentNode<T, any> | (DocumentTypeDecoration<T, any> & { toString(): string }),
    variables?: Record<string, unknown>,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  /**
   * Opens a graphql-ws connection to the gateway's /graphql, as the holder of `token` (sent as
   * `authorization` in connection_init) or with the given connection_init payload.
   */
  subscriptions(options?: {
    token?: string | null;
    connectionParams?: Record<string, unknown>;
  }): TestSubscriptions;
  /**
   * Opens a subscription over HTTP (multipart/mixed, Apollo's protocol) with fetch, reading the
   * response body as it streams.
   */
  stream<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: {
      token?: string | null;
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
    },
  ): TestStream<T>;
  /**
   * Waits until exactly `count` subscriptions are live on the in-process bus (their subgraph
   * indexed them, kit/subscriptions.ts, and closed ones have left), so an event published next
   * reaches them; with Redis it waits a moment instead.
   */
  listening(count: number): Promise<void>;
  /** Creates an account through the public API and returns its token and id. */
  signUp(
    overrides?: Partial<{ email: string; username: string; password: string; timeZone: string }>,
  ): Promise<TestUser>;
  /** Gives a user the ADMIN role (no public API grants it) and returns a fresh token. */
  makeAdmin(user: TestUser): Promise<TestUser>;
  /**
   * Publishes every committed outbox event now and, on the in-process bus, waits until every
   * consumer has handled them (twice over, for handlers that publish events of their own).
   * With Redis the delivery is asynchronous: follow with eventually().
   */
  flushEvents(): Promise<void>;
  /** SQL statements sent since start, across all subgraphs (they share one database here). */
  statements(): number;
  /**
   * Runs fn with every subgraph's background work stopped (relays, flushers, workers) and the
   * database quiet, so statement counts see only fn's requests; restarts the work afterwards.
   */
  quiet<T>(fn: () => Promise<T>): Promise<T>;
}

/** A client connection to the gateway's subscriptions (graphql-ws). */
export interface TestSubscriptions {
  /** Resolves when the gateway acknowledged connection_init. */
  connected: Promise<void>;
  /** Resolves with the close code and reason when the connection closes. */
  closed: Promise<{ code: number; reason: string }>;
  /** Subscribes with the document text, or (`extensions.persistedQuery`) a trusted document's hash. */
  subscribe<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    extensions?: Record<string, unknown>,
  ): TestSubscription<T>;
  close(): Promise<void>;
}

export interface TestSubscription<T = any> {
  /** Every result received so far. */
  results: GraphQLResponse<T>[];
  /** Set once the operation ended: completed, or failed with these errors. */
  ended: boolean;
  /** Waits until at least `count` results arrived and returns them. */
  waitFor(count: number, timeoutMs?: number): Promise<GraphQLResponse<T>[]>;
  unsubscribe(): void;
}

/** A subscription over one streamed multipart HTTP response. */
export interface TestStream<T = any> {
  /** The answer's status and content type; `refused` holds the JSON body of a non-multipart answer. */
  response: Promise<{ status: number; contentType: string; refused?: GraphQLResponse }>;
  /** Every part as sent, heartbeats (`{}`) included. */
  parts: Record<string, unknown>[];
  /** The payload of each event part (`{"payload": {...}}`). */
  results: GraphQLResponse<T>[];
  /** Resolves when the response ended (closing boundary or connection closed), with the last part. */
  ended: Promise<Record<string, unknown> | undefined>;
  waitFor(count: number, timeoutMs?: number): Promise<GraphQLResponse<T>[]>;
  /** Aborts the request, as a client leaving the page. */
  close(): void;
}

export interface TestUser {
  id: string;
  token: string;
  email: string;
  username: string;
  password: string;
}

export const DEFAULT_PASSWORD = 'correct-horse-battery-staple';

export async function postGraphQL(
  url: string,
  body: Record<string, unknown>,
  headers: Record<string, string | undefined> = {},
): Promise<GraphQLResponse> {
  const sent = Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...Object.fromEntries(sent) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return { status: response.status, ...(JSON.parse(text) as object) };
  } catch {
    return { status: response.status, errors: [{ message: text }] };
  }
}

/**
 * The settings production refuses to start without: secrets of its own (kit/secret-strength.ts)
 * and a mail transport. The SMTP address is never dialled unless a test sends mail.
 */
export function productionEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    IDENTITY_HEADER_SECRET: randomBytes(32).toString('base64url'),
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    SMTP_URL: 'smtp://127.0.0.1:1',
    ...extra,
  };
}

/**
 * The supergraph for one test file: its own database, its own Redis key space, every subgraph
 * and the gateway on free ports, a clock the test controls.
 */
export async function startTestStack(
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    log?: Logger;
    /** A migrated database the test made itself (it closes it); otherwise one of the file's own. */
    database?: Database;
    /** Gateway settings beside the env's (smaller subscription limits). */
    gateway?: Partial<GatewayOptions>;
  } = {},
): Promise<TestStack> {
  const { database, dispose } = options.database
    ? { database: options.database, dispose: async () => {} }
    : await createTestDatabase();
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock(new Date());
  const env = loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `test:${randomBytes(6).toString('hex')}:`,
    // The test client plays the load balancer too: a request may name its client address in
    // X-Forwarded-For (signUp below gives each new account its own, as real sign-ups come from
    // many places); without the header the client is the socket's peer, 127.0.0.1.
    TRUST_PROXY_HOPS: '1',
    ...options.env,
  });
  const stack = await startStack({
    env,
    database,
    clock,
    log: options.log,
    ephemeralPorts: true,
    migrate: false,
    gateway: options.gateway,
  });

  const gql: TestStack['gql'] = async (query, variables = {}, requestOptions = {}) => {
    const headers: Record<string, string> = { ...requestOptions.headers };
    if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
    return postGraphQL(
      stack.gatewayUrl,
      { query: typeof query === 'string' || !('kind' in query) ? query.toString() : print(query), variables },
      headers,
    );
  };

  const subscriptions: TestStack['subscriptions'] = (connectOptions = {}) => {
    let connected!: () => void;
    let closed!: (event: { code: number; reason: string }) => void;
    const result = {
      connected: new Promise<void>((resolve) => {
        connected = resolve;
      }),
      closed: new Promise<{ code: number; reason: string }>((resolve) => {
        closed = resolve;
      }),
    };
    const client = createClient({
      url: stack.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => {},
      connectionParams:
        connectOptions.connectionParams ??
        (connectOptions.token ? { authorization: `Bearer ${connectOptions.token}` } : {}),
      on: {
        connected: () => connected(),
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          closed({ code, reason: String(reason) });
        },
      },
    });
    return {
      ...result,
      subscribe(query, variables = {}, extensions) {
        const subscription: TestSubscription = {
          results: [],
          ended: false,
          async waitFor(count, timeoutMs = 10_000) {
            return eventually(() => {
              if (subscription.results.length < count)
                throw new Error(`${subscription.results.length} of ${count} results arrived`);
              return subscription.results;
            }, timeoutMs);
          },
          unsubscribe: () => unsubscribe(),
        };
        const unsubscribe = client.subscribe(
          { query, variables, ...(extensions ? { extensions } : {}) },
          {
            next: (value) => void subscription.results.push({ status: 200, ...(value as object) }),
            error: (error) => {
              subscription.ended = true;
              if (Array.isArray(error)) subscription.results.push({ status: 200, errors: error });
            },
            complete: () => {
              subscription.ended = true;
            },
          },
        );
        return subscription;
      },
      close: async () => {
        await client.dispose();
      },
    };
  };

  const stream: TestStack['stream'] = (query, variables = {}, streamOptions = {}) => {
    const controller = new AbortController();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'multipart/mixed;subscriptionSpec="1.0", application/json',
      ...streamOptions.headers,
    };
    if (streamOptions.token) headers.authorization = `Bearer ${streamOptions.token}`;
    const parts: Record<string, unknown>[] = [];
    const results: GraphQLResponse[] = [];
    const started = fetch(stack.gatewayUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        query,
        variables,
        ...(streamOptions.extensions ? { extensions: streamOptions.extensions } : {}),
      }),
      signal: controller.signal,
    });
    const response = started.then(async (answer) => {
      const contentType = answer.headers.get('content-type') ?? '';
      if (contentType.startsWith('multipart/mixed')) return { status: answer.status, contentType, answer };
      const refused = { status: answer.status, ...((await answer.json()) as object) } as GraphQLResponse;
      return { status: answer.status, contentType, refused, answer: null };
    });
    const ended = response.then(async ({ answer }) => {
      if (!answer?.body) return undefined;
      try {
        for await (const part of readMultipartJson(
          answer.body,
          boundaryOf(answer.headers.get('content-type')!),
        )) {
          const json = part as Record<string, unknown>;
          parts.push(json);
          if (json.payload) results.push({ status: 200, ...(json.payload as object) });
        }
      } catch (error) {
        if (!controller.signal.aborted) throw error;
      }
      return parts.at(-1);
    });
    ended.catch(() => {});
    return {
      response: response.then(({ status, contentType, refused }) => ({ status, contentType, refused })),
      parts,
      results,
      ended,
      waitFor: (count, timeoutMs = 10_000) =>
        eventually(() => {
          if (results.length < count) throw new Error(`${results.length} of ${count} results arrived`);
          return results;
        }, timeoutMs),
      close: () => controller.abort(),
    };
  };

  const listening: TestStack['listening'] = async (count) => {
    const bus = stack.runtime.bus;
    if (!(bus instanceof MemoryEventBus)) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return;
    }
    await eventually(() => {
      const { subscribers } = liveSubscriptions(bus);
      if (subscribers !== count) throw new Error(`${subscribers} of ${count} subscriptions listen`);
    });
  };

  let counter = 0;
  const signUp: TestStack['signUp'] = async (overrides = {}) => {
    const suffix = `${randomBytes(4).toString('hex')}${counter++}`;
    const input = {
      email: overrides.email ?? `user${suffix}@example.com`,
      username: overrides.username ?? `user_${suffix}`,
      password: overrides.password ?? DEFAULT_PASSWORD,
      ...(overrides.timeZone ? { timeZone: overrides.timeZone } : {}),
    };
    const result = await gql(
      `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on AuthSuccess { token user { id } } } }`,
      { input },
      { headers: { 'x-forwarded-for': `198.18.${(counter >> 8) & 255}.${counter & 255}` } },
    );
    const payload = result.data?.signUp;
    if (payload?.__typename !== 'AuthSuccess') throw new Error(`signUp failed: ${JSON.stringify(result)}`);
    return { id: payload.user.id, token: payload.token, ...input };
  };

  const makeAdmin: TestStack['makeAdmin'] = async (user) => {
    await database.exec(`UPDATE identity.users SET roles = '{user,admin}' WHERE id = '${user.id}'`);
    const signedIn = await gql(
      `mutation($input: SignInInput!) { signIn(input: $input) { ... on AuthSuccess { token } } }`,
      { input: { login: user.email, password: user.password } },
    );
    return { ...user, token: signedIn.data.signIn.token };
  };

  const flushEvents: TestStack['flushEvents'] = async () => {
    for (let round = 0; round < 3; round++) {
      for (const subgraph of Object.values(stack.subgraphs)) {
        for (const task of subgraph.background) if (task instanceof OutboxRelay) await task.flush();
      }
      if (stack.runtime.bus instanceof MemoryEventBus) await stack.runtime.bus.drain();
    }
  };

  const quiet: TestStack['quiet'] = async (fn) => {
    const tasks = Object.values(stack.subgraphs).flatMap((subgraph) => subgraph.background);
    for (const task of tasks) await task.stop();
    // Deliveries already under way (bus consumers) finish first: wait for 300 ms without a statement.
    let last = database.stats.statements;
    for (let waited = 0; waited < 10_000; waited += 300) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      if (database.stats.statements === last) break;
      last = database.stats.statements;
    }
    try {
      return await fn();
    } finally {
      for (const task of tasks) await task.start();
    }
  };

  return {
    ...stack,
    clock,
    quiet,
    gql,
    subscriptions,
    stream,
    listening,
    signUp,
    makeAdmin,
    flushEvents,
    statements: () => database.stats.statements,
    async stop() {
      await stack.stop();
      await dispose();
    },
  };
}

/** Retries an assertion until it passes or the time is up (for effects that travel through the event bus). */
export async function eventually<T>(
  check: () => Promise<T> | T,
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
