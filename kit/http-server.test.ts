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
