import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  host: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  form: URLSearchParams;
}

export interface FakeResponse {
  status?: number;
  json?: unknown;
}

export interface FakeHttpServer {
  url: string;
  /** Every request the fake received, oldest first. */
  requests: FakeRequest[];
  /** Undo the fetch routing and close the server. */
  close(): Promise<void>;
}

/**
 * SDKs that call fixed https URLs (arctic's OAuth providers) cannot be pointed at another host.
 * This starts a real HTTP server on 127.0.0.1:0 and routes global fetch calls for the given
 * hosts to it (the original host goes along as the first path segment), so the real client code
 * builds, sends and parses real HTTP; every other fetch (the gateway, subgraphs) is untouched.
 */
export async function routeHostsToFake(
  hosts: string[],
  handle: (request: FakeRequest) => FakeResponse | Promise<FakeResponse>,
): Promise<FakeHttpServer> {
  const requests: FakeRequest[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const [, host = '', ...rest] = url.pathname.split('/');
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      host,
      path: `/${rest.join('/')}`,
      query: url.searchParams,
      headers: req.headers,
      body,
      form: new URLSearchParams(body),
    };
    requests.push(request);
    try {
      const answer = await handle(request);
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.json ?? {}));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: String(error) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const original = globalThis.fetch;
  const routed = new Set(hosts);
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const target = new URL(request.url);
    if (!routed.has(target.host)) return original(input, init);
    const body =
      request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    return original(`${base}/${target.host}${target.pathname}${target.search}`, {
      method: request.method,
      headers: request.headers,
      body,
      signal: request.signal,
    });
  }) as typeof fetch;

  return {
    url: base,
    requests,
    async close() {
      globalThis.fetch = original;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
