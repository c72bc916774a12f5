import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { KeepAliveFetcher } from './http-client.js';

let server: Server | null = null;
let fetcher: KeepAliveFetcher | null = null;

afterEach(async () => {
  fetcher?.destroy();
  fetcher = null;
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function serve(
  handler: Parameters<typeof createServer>[1],
): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  server = createServer(handler);
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, connections: () => connections };
}

describe('KeepAliveFetcher', () => {
  it('posts the body and headers and reuses one connection for sequential requests', async () => {
    const seen: { body: string; header: string | undefined }[] = [];
    const { url, connections } = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ body: Buffer.concat(chunks).toString(), header: req.headers['x-test'] as string });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { n: seen.length } }));
      });
    });
    fetcher = new KeepAliveFetcher({ maxSockets: 4 });
    for (let i = 1; i <= 5; i++) {
      const response = await fetcher.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-test': `h${i}` },
        body: JSON.stringify({ query: `{ n${i} }` }),
      });
      expect(response.ok).toBe(true);
      expect(response.headers.get('Content-Type')).toBe('application/json');
      expect(await response.json()).toEqual({ data: { n: i } });
    }
    expect(seen.map((s) => s.header)).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
    expect(seen[4]?.body).toBe('{"query":"{ n5 }"}');
    expect(connections()).toBe(1);
  });

  it('caps concurrent connections at the pool size', async () => {
    const { url, connections } = await serve((_req, res) => {
      setTimeout(() => res.end('{}'), 20);
    });
    fetcher = new KeepAliveFetcher({ maxSockets: 2 });
    const f = fetcher;
    await Promise.all(Array.from({ length: 10 }, () => f.fetch(url, { method: 'POST', body: '{}' })));
    expect(connections()).toBe(2);
  });

  it('returns error statuses with a readable body, also through clone()', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] }));
    });
    fetcher = new KeepAliveFetcher();
    const response = await fetcher.fetch(url, { method: 'POST', body: '{}' });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(400);
    expect((await response.clone().json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await response.text()).toContain('"bad"');
    await expect(response.text()).rejects.toThrow(/body used/);
  });

  it('rejects when nothing listens and when the answer takes longer than the timeout', async () => {
    fetcher = new KeepAliveFetcher({ timeoutMs: 100 });
    await expect(
      fetcher.fetch('http://127.0.0.1:1/graphql', { method: 'POST', body: '{}' }),
    ).rejects.toThrow();
    const { url } = await serve(() => {
      // never answers
    });
    await expect(fetcher.fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow(/no response/);
  });
});
