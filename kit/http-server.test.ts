import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, listen, type RunningServer } from './http-server.js';

const apollo = new ApolloServer({
  typeDefs: 'type Query { text(size: Int!): String! }',
  resolvers: { Query: { text: (_: unknown, { size }: { size: number }) => 'x'.repeat(size) } },
});
let running: RunningServer;

beforeAll(async () => {
  await apollo.start();
  running = await listen(createHttpServer({ apollo, context: async () => ({}), compressAbove: 2048 }), 0);
});
afterAll(async () => {
  await running.close();
  await apollo.stop();
});

/** A raw request, so the test sees the bytes on the wire (fetch would decompress them). */
function post(
  size: number,
  acceptEncoding?: string,
): Promise<{ headers: Record<string, any>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${running.url}/graphql`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query: `{ text(size: ${size}) }` }));
  });
}

describe('response compression', () => {
  it('gzips large responses for clients that accept gzip', async () => {
    const { headers, body } = await post(10_000, 'gzip, deflate, br');
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers.vary).toMatch(/accept-encoding/i);
    expect(Number(headers['content-length'])).toBe(body.length);
    expect(body.length).toBeLessThan(1000);
    expect(JSON.parse(gunzipSync(body).toString()).data.text).toHaveLength(10_000);
  });

  it('sends small responses, and responses to clients without gzip, as they are', async () => {
    const small = await post(100, 'gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString()).data.text).toHaveLength(100);
    const plain = await post(10_000);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString()).data.text).toHaveLength(10_000);
  });
});

describe('admission control', () => {
  // Operations wait on this gate, so the test holds exactly as many in flight as it wants.
  let open: () => void = () => {};
  let gate = Promise.resolve();
  const slow = new ApolloServer({
    typeDefs: 'type Query { wait: Boolean! }',
    resolvers: { Query: { wait: () => gate.then(() => true) } },
  });
  let limited: RunningServer;
  beforeAll(async () => {
    await slow.start();
    limited = await listen(
      createHttpServer({
        apollo: slow,
        context: async () => ({}),
        maxInFlight: 2,
        routes: [{ method: 'GET', path: '/health', handle: async () => ({ status: 200, body: '{}' }) }],
      }),
      0,
    );
  });
  afterAll(async () => {
    await limited.close();
    await slow.stop();
  });
  const ask = () =>
    fetch(`${limited.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ wait }' }),
    });

  it('refuses operations beyond the limit at once with 503 and Retry-After, and serves again when they finish', async () => {
    gate = new Promise((resolve) => {
      open = resolve;
    });
    const held = [ask(), ask()];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await ask();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    // Other routes (health checks) still answer while GraphQL is saturated.
    expect((await fetch(`${limited.url}/health`)).status).toBe(200);

    open();
    for (const response of await Promise.all(held)) expect(response.status).toBe(200);
    const after = await ask();
    expect(after.status).toBe(200);
    expect(((await after.json()) as any).data).toEqual({ wait: true });
  });

  it('frees the slot of an operation that failed', async () => {
    gate = Promise.reject(new Error('boom'));
    gate.catch(() => {});
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
    gate = Promise.resolve();
    expect((await ask()).status).toBe(200);
  });
});
