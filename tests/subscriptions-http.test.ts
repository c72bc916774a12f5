import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient, HealthMetricsRecordedDocument } from '../clients/typescript/src/index.js';
import { createLogger } from '../kit/log.js';
import { liveSubscriptions } from '../kit/subscriptions.js';
import { eventually, startTestStack, type TestStack, type TestUser } from '../testkit/stack.js';
import { heartRateSample, RECORD_HEALTH_METRICS } from '../testkit/coaching.js';

/**
 * Subscriptions over HTTP (multipart/mixed, Apollo's protocol) beside graphql-ws: the same
 * checks, limits, masking and session rules on both transports; slow consumers, a subgraph
 * restart mid-stream and shutdown.
 */
const RECORDED = `subscription($userId: ID) {
  healthMetricsRecorded(userId: $userId) { accepted from to user { id username } }
}`;
const MAX_BUFFERED = 16 * 1024;

const logLines: string[] = [];
let stack: TestStack;
let stopped = false;

beforeAll(async () => {
  stack = await startTestStack({
    log: createLogger({ level: 'warn', destination: { write: (line: string) => logLines.push(line) } }),
    gateway: {
      subscriptionLimits: {
        perUser: 4,
        heartbeatMs: 300,
        maxBufferedBytes: MAX_BUFFERED,
        keepAliveMs: 60_000,
      },
    },
  });
});
afterAll(async () => {
  if (!stopped) await stack?.stop();
});

async function record(user: TestUser, minutesAgo = 5) {
  const result = await stack.gql(
    RECORD_HEALTH_METRICS,
    { input: [heartRateSample(minutesAgo)] },
    { token: user.token },
  );
  expect(result.errors).toBeUndefined();
  await stack.flushEvents();
}

/** Subscriptions live in the subgraphs right now (kit/subscriptions.ts). */
const live = () => liveSubscriptions(stack.runtime.bus).subscribers;

describe('subscriptions over multipart HTTP', () => {
  it('streams events as multipart/mixed parts with heartbeats, and ends the upstream when the client leaves', async () => {
    const athlete = await stack.signUp();
    const before = live();
    const stream = stack.stream(RECORDED, {}, { token: athlete.token });
    const response = await stream.response;
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('multipart/mixed; boundary="graphql"; subscriptionSpec="1.0"');
    await stack.listening(before + 1);

    await record(athlete);
    const [event] = await stream.waitFor(1);
    expect(event!.errors).toBeUndefined();
    expect(event!.data.healthMetricsRecorded).toMatchObject({
      accepted: 1,
      user: { id: athlete.id, username: athlete.username },
    });
    await eventually(() => expect(stream.parts).toContainEqual({}));

    stream.close();
    await stack.listening(before);
  });

  it("runs with the client package's subscribe, as a browser app would", async () => {
    const athlete = await stack.signUp();
    const client = createClient({
      url: stack.gatewayUrl,
      session: { kind: 'bearer', token: () => athlete.token },
    });
    const received: unknown[] = [];
    const before = live();
    const stop = client.subscribe(
      HealthMetricsRecordedDocument,
      {},
      {
        next: (result) => received.push(result),
      },
    );
    await stack.listening(before + 1);
    await record(athlete);
    await eventually(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({
      errors: [],
      data: { healthMetricsRecorded: { accepted: 1, user: { id: athlete.id } } },
    });
    stop();
    await stack.listening(before);
  });

  it('refuses a missing or ended session, a foreign cookie, and a body that is not JSON, as a query would be', async () => {
    const anonymous = await stack.stream(RECORDED).response;
    expect(anonymous.status).toBe(401);
    expect(anonymous.refused?.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const ended = await stack.stream(RECORDED, {}, { token: 'not-a-session-token-at-all-0123456789' })
      .response;
    expect(ended.status).toBe(401);
    expect(ended.refused?.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_ENDED',
    });
    const user = await stack.signUp();
    const foreign = await stack.stream(
      RECORDED,
      {},
      {
        headers: { cookie: `session=${user.token}`, origin: 'https://evil.example' },
      },
    ).response;
    expect(foreign.status).toBe(403);
    expect(foreign.refused?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const text = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain',
        accept: 'multipart/mixed;subscriptionSpec="1.0"',
        authorization: `Bearer ${user.token}`,
      },
      body: JSON.stringify({ query: RECORDED }),
    });
    expect(text.status).toBe(400);
    expect(((await text.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const query = await stack.stream('query { me { id } }', {}, { token: user.token }).response;
    expect(query.status).toBe(400);
    expect(query.refused?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});

describe('the same rules on both transports as for queries', () => {
  /** A subscription's first error over WebSocket and over HTTP, beside the query's over HTTP. */
  async function errorsOf(user: TestUser, subscription: string, query: string | null, variables = {}) {
    const client = stack.subscriptions({ token: user.token });
    await client.connected;
    const [overSocket] = await client.subscribe(subscription, variables).waitFor(1);
    await client.close();
    const overHttp = await stack.stream(subscription, variables, { token: user.token }).response;
    const asQuery = query ? await stack.gql(query, variables, { token: user.token }) : null;
    return {
      socket: overSocket!.errors![0]!,
      http: { status: overHttp.status, error: overHttp.refused!.errors![0]! },
      query: asQuery && { status: asQuery.status, error: asQuery.errors![0]! },
    };
  }

  const nest = (depth: number) => `${'user { activeSubscription { '.repeat(depth)}id${' } }'.repeat(depth)}`;

  it('refuses an over-deep document with the query limit', async () => {
    const user = await stack.signUp();
    const { socket, http, query } = await errorsOf(
      user,
      `subscription { healthMetricsRecorded { ${nest(7)} } }`,
      `query { me { activeSubscription { ${nest(7)} } } }`,
    );
    expect(query!.status).toBe(400);
    expect(query!.error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(query!.error.message).toMatch(/depth/i);
    for (const error of [socket, http.error]) {
      expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toMatch(/depth/i);
    }
    expect(http.status).toBe(400);
  });

  it('refuses an over-costly document, page sizes in variables included', async () => {
    const user = await stack.signUp();
    const selection = `user { subscriptions(first: $n) { nodes { user {
      healthMetrics(first: $n) { nodes { id value unit recordedAt source } } } } } }`;
    const { socket, http, query } = await errorsOf(
      user,
      `subscription($n: Int) { healthMetricsRecorded { ${selection} } }`,
      `query($n: Int) { me { activeSubscription { ${selection} } } }`,
      { n: 100 },
    );
    expect(query!.status).toBe(400);
    const code = query!.error.extensions?.code;
    expect(query!.error.message).toMatch(/cost/i);
    for (const error of [socket, http.error]) {
      expect(error.extensions?.code).toBe(code);
      expect(error.message).toMatch(/cost/i);
    }
  });

  it('refuses bad variables and malformed ids with BAD_USER_INPUT', async () => {
    const user = await stack.signUp();
    const malformed = await errorsOf(user, RECORDED, null, { userId: 'not-a-uuid' });
    for (const error of [malformed.socket, malformed.http.error]) {
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$userId' });
    }
    const wrongType = await errorsOf(user, RECORDED, null, { userId: { nested: true } });
    for (const error of [wrongType.socket, wrongType.http.error])
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("masks a subgraph's unexpected failure: a code, no message of its own, no SQL, no stack", async () => {
    const athlete = await stack.signUp();
    const stranger = await stack.signUp();
    const database = stack.runtime.database;
    await database.exec('ALTER TABLE health.coaching_relationships RENAME TO coaching_relationships_gone');
    try {
      const client = stack.subscriptions({ token: stranger.token });
      await client.connected;
      const [overSocket] = await client.subscribe(RECORDED, { userId: athlete.id }).waitFor(1);
      await client.close();
      const stream = stack.stream(RECORDED, { userId: athlete.id }, { token: stranger.token });
      expect((await stream.response).status).toBe(200);
      const [overHttp] = await stream.waitFor(1);
      await stream.ended;
      for (const result of [overSocket!, overHttp!]) {
        expect(result.data).toBeNull();
        expect(result.errors).toHaveLength(1);
        expect(result.errors![0]).toMatchObject({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
        const text = JSON.stringify(result);
        expect(text).not.toMatch(/coaching|relation|select|stack|\.ts:/i);
      }
    } finally {
      await database.exec('ALTER TABLE health.coaching_relationships_gone RENAME TO coaching_relationships');
    }
  });

  it('holds the per-user cap over WebSocket connections and HTTP streams together', async () => {
    const user = await stack.signUp();
    const before = live();
    const client = stack.subscriptions({ token: user.token });
    await client.connected;
    const sockets = [client.subscribe(RECORDED), client.subscribe(RECORDED)];
    const streams = [
      stack.stream(RECORDED, {}, { token: user.token }),
      stack.stream(RECORDED, {}, { token: user.token }),
    ];
    await stack.listening(before + 4);
    const refusedHttp = await stack.stream(RECORDED, {}, { token: user.token }).response;
    expect(refusedHttp.status).toBe(400);
    expect(refusedHttp.refused?.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'SUBSCRIPTION_LIMIT',
    });
    const [refusedSocket] = await client.subscribe(RECORDED).waitFor(1);
    expect(refusedSocket!.errors?.[0]?.extensions?.reason).toBe('SUBSCRIPTION_LIMIT');
    expect(sockets.every((s) => s.results.length === 0)).toBe(true);
    // A stream that ends gives its place back.
    streams[0]!.close();
    await stack.listening(before + 3);
    const again = stack.stream(RECORDED, {}, { token: user.token });
    expect((await again.response).status).toBe(200);
    again.close();
    streams[1]!.close();
    await client.close();
    await stack.listening(before);
  });
});

describe('sessions that end close HTTP streams too', () => {
  const endedWithin5s = async (stream: ReturnType<TestStack['stream']>) => {
    const started = Date.now();
    const last = await stream.ended;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(last).toMatchObject({
      payload: null,
      errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' } }],
    });
  };

  it('on sign-out, password change and account deletion', async () => {
    const user = await stack.signUp();
    const signIn = async () =>
      (
        await stack.gql(
          'mutation($input: SignInInput!) { signIn(input: $input) { ... on AuthSuccess { token } } }',
          { input: { login: user.email, password: user.password } },
        )
      ).data.signIn.token as string;
    const [other, another] = [await signIn(), await signIn()];

    const signedOut = stack.stream(RECORDED, {}, { token: other });
    expect((await signedOut.response).status).toBe(200);
    expect((await stack.gql('mutation { signOut }', {}, { token: other })).errors).toBeUndefined();
    await endedWithin5s(signedOut);

    const changed = stack.stream(RECORDED, {}, { token: another });
    expect((await changed.response).status).toBe(200);
    const password = 'another-long-passphrase-42';
    const change = await stack.gql(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }',
      { input: { currentPassword: user.password, newPassword: password } },
      { token: user.token },
    );
    expect(change.data.changePassword.__typename).toBe('PasswordChanged');
    await endedWithin5s(changed);

    const deleted = stack.stream(RECORDED, {}, { token: user.token });
    expect((await deleted.response).status).toBe(200);
    const deletion = await stack.gql(
      'mutation($p: String!) { deleteMyAccount(password: $p) { __typename } }',
      { p: password },
      { token: user.token },
    );
    expect(deletion.errors).toBeUndefined();
    await endedWithin5s(deleted);
  });
});

describe('slow consumers', () => {
  // Each event carries the user's last 100 samples twice over (about 26 KB), so the kernel's
  // socket buffers (about 4 MB on loopback) fill after some 160 events.
  const WIDE = `subscription { healthMetricsRecorded { accepted user {
    ${['a', 'b'].map((alias) => `${alias}: healthMetrics(first: 100) { nodes { id value unit recordedAt source } }`).join('\n')}
  } } }`;
  const EVENT_BYTES = 64 * 1024;

  async function withHundredSamples() {
    const user = await stack.signUp();
    const samples = Array.from({ length: 100 }, (_, i) => heartRateSample(i + 1));
    const result = await stack.gql(RECORD_HEALTH_METRICS, { input: samples }, { token: user.token });
    expect(result.errors).toBeUndefined();
    await stack.flushEvents();
    return user;
  }

  /** Publishes health.metrics_recorded for the user straight on the bus until `done()`, in small batches. */
  async function pump(userId: string, done: () => boolean, limit = 1000) {
    // About 50 events a second: slower than the stack (one process here) completes them, so
    // what piles up is the client's unread data, not events waiting in a subgraph or the gateway.
    for (let sent = 0; sent < limit && !done(); ) {
      for (let i = 0; i < 1; i++, sent++) {
        const now = new Date().toISOString();
        await stack.runtime.bus.publish({
          id: randomUUID(),
          type: 'health.metrics_recorded',
          source: 'health',
          occurredAt: now,
          version: 1,
          payload: { userId, accepted: 1, from: now, to: now, recordedAt: now },
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return done();
  }

  const slowLogs = () =>
    logLines
      .map(
        (line) =>
          JSON.parse(line) as { msg: string; bufferedBytes: number; pendingEvents: number; limit: number },
      )
      .filter((entry) => entry.msg === 'subscriber reads too slowly; closing');

  it('closes a WebSocket that stops reading with 4413, its unsent data bounded', {
    timeout: 90_000,
  }, async () => {
    const user = await withHundredSamples();
    const before = live();
    const logged = slowLogs().length;
    const socket = new WebSocket(stack.gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => socket.on('open', () => resolve()));
    socket.send(
      JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${user.token}` } }),
    );
    await new Promise<void>((resolve) => socket.once('message', () => resolve()));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: WIDE } }));
    await stack.listening(before + 1);
    socket.pause(); // reads nothing more from the socket
    expect(await pump(user.id, () => slowLogs().length > logged)).toBe(true);
    const [entry] = slowLogs().slice(logged);
    // graphql-ws hands the socket one event at a time, once the last one reached it: what waits in
    // the gateway is at most one event in the socket and the bounded queue of 100 behind it.
    expect(entry!.bufferedBytes).toBeLessThan(MAX_BUFFERED + EVENT_BYTES);
    expect(entry!.pendingEvents).toBe(100);
    socket.resume();
    expect(await closed).toBe(4413);
    await stack.listening(before);
  });

  it('ends an HTTP stream that is not read with SLOW_CONSUMER, its unsent data bounded', {
    timeout: 90_000,
  }, async () => {
    const user = await withHundredSamples();
    const before = live();
    const logged = slowLogs().length;
    const url = new URL(stack.gatewayUrl);
    const response = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      const req = httpRequest(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'multipart/mixed;subscriptionSpec="1.0"',
          authorization: `Bearer ${user.token}`,
        },
      });
      req.on('response', resolve);
      req.on('error', reject);
      req.end(JSON.stringify({ query: WIDE }));
    });
    expect(response.statusCode).toBe(200);
    response.pause(); // reads nothing of the body
    await stack.listening(before + 1);
    expect(await pump(user.id, () => slowLogs().length > logged)).toBe(true);
    const [entry] = slowLogs().slice(logged);
    // Unsent data passed the limit by at most the one event that crossed it.
    expect(entry!.bufferedBytes).toBeGreaterThan(MAX_BUFFERED);
    expect(entry!.bufferedBytes).toBeLessThan(MAX_BUFFERED + EVENT_BYTES);
    expect(entry!.pendingEvents).toBeLessThan(100);
    // Reading again, the client finds the stream's last part: why it ended.
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      body += chunk;
    });
    response.resume();
    await new Promise((resolve) => response.on('end', resolve));
    expect(body.endsWith('\r\n--graphql--\r\n')).toBe(true);
    const parts = body.split('\r\n--graphql');
    const last = JSON.parse(parts.at(-2)!.split('\r\n\r\n')[1]!);
    expect(last).toMatchObject({
      payload: null,
      errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SLOW_CONSUMER' } }],
    });
    await stack.listening(before);
  });
});

describe('a subgraph restarting mid-stream', () => {
  it('resumes the upstream on both transports: events after the restart arrive', async () => {
    const athlete = await stack.signUp();
    const before = live();
    const client = stack.subscriptions({ token: athlete.token });
    await client.connected;
    const overSocket = client.subscribe(RECORDED);
    const overHttp = stack.stream(RECORDED, {}, { token: athlete.token });
    await stack.listening(before + 2);
    await record(athlete, 10);
    await Promise.all([overSocket.waitFor(1), overHttp.waitFor(1)]);

    await stack.stopSubgraph('health');
    await stack.listening(before);
    await stack.startSubgraph('health');
    // The gateway reconnects with backoff (a few hundred milliseconds here) and subscribes again.
    await stack.listening(before + 2);
    await record(athlete, 5);
    const [, second] = await overSocket.waitFor(2);
    const [, secondHttp] = await overHttp.waitFor(2);
    for (const result of [second!, secondHttp!]) {
      expect(result.errors).toBeUndefined();
      expect(result.data.healthMetricsRecorded).toMatchObject({ accepted: 1, user: { id: athlete.id } });
    }
    expect(overSocket.ended).toBe(false);
    await client.close();
    overHttp.close();
  });
});

// Last: it stops the stack.
describe('shutdown', () => {
  it('ends every HTTP stream with a last part telling the client to subscribe again', async () => {
    const user = await stack.signUp();
    const before = live();
    const stream = stack.stream(RECORDED, {}, { token: user.token });
    expect((await stream.response).status).toBe(200);
    await stack.listening(before + 1);
    stopped = true;
    await stack.stop();
    expect(await stream.ended).toMatchObject({
      payload: null,
      errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SERVICE_RESTART' } }],
    });
  });
});
