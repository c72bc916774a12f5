import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { splitSetCookie } from './client-cookies.js';
import { allowedOrigin, corsHeaders, preflightHeaders } from './cors.js';

export interface RawRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The peer address; the gateway uses it as the client IP. */
  remoteAddress: string | null;
}

export interface RawResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle(request: RawRequest): Promise<RawResponse>;
}

/** A GraphQL request as the server received it, before Apollo Server runs it. */
export interface GraphQLRequestInput {
  method: string;
  /** The URL's query string, with its `?` (GET requests carry the operation there). */
  search: string;
  /** The parsed JSON body (POST). */
  body: unknown;
}

export interface HttpServerOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  context(request: RawRequest): Promise<C>;
  routes?: Route[];
  /** Bodies above this are refused with 413 before they are parsed (default MAX_CLIENT_BODY_BYTES). */
  maxBodyBytes?: number;
  graphqlPath?: string;
  /**
   * GraphQL responses of at least this many bytes are gzip-compressed for clients that accept it.
   * Off by default: small bodies cost more CPU to compress than they save on the wire.
   */
  compressAbove?: number;
  /**
   * GraphQL requests executing at once above which a new one is refused at once with 503 and
   * `Retry-After`, instead of queueing until its client gives up (the other routes, /health and
   * /ready among them, always answer). Unlimited when left out.
   */
  maxInFlight?: number;
  /**
   * Origins whose browsers may call cross-origin with credentials (kit/cors.ts). Empty or left
   * out: no CORS headers for anyone.
   */
  corsOrigins?: readonly string[];
  /**
   * Sees each GraphQL request before Apollo Server: returns it (possibly rewritten) to run, or a
   * response that refuses it (the gateway's trusted documents).
   */
  admit?(request: GraphQLRequestInput): GraphQLRequestInput | RawResponse;
  /**
   * Answers a GraphQL request itself, or returns null for Apollo Server to run it (a subgraph's
   * short way for the gateway's fetches, kit/gateway-fetch.ts); not beside `admit`.
   */
  direct?(request: RawRequest, body: unknown): Promise<RawResponse | null>;
  /**
   * Long-lived answers on the GraphQL path (the gateway's multipart subscriptions): a request
   * it `accepts` is handed over with its parsed body, before `admit` (the handler checks its
   * documents itself) and outside `maxInFlight` (it lasts as long as the client listens).
   */
  stream?: {
    accepts(method: string, headers: IncomingMessage['headers']): boolean;
    handle(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void>;
  };
  onError?(error: unknown): void;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const gzipAsync = promisify(gzip);

/**
 * The largest request body a client may send the gateway: 3 MiB. The largest legitimate request is
 * a recordHealthMetrics batch of 5,000 samples (the most it takes), sent as variables: 0.62 MiB
 * without device names, 0.85 MiB with a 30-character one, 2.14 MiB with 100-character device
 * names of three-byte characters (the longest allowed) and 2.49 MiB of that pretty-printed. A
 * trackEvents batch of 1,000 events is 0.34 MiB with small properties; 1,000 events of 8 KiB
 * each would be 8 MiB, so big events come in smaller batches (the 413 says so). Anything above
 * is refused before it is parsed.
 */
export const MAX_CLIENT_BODY_BYTES = 3 * 1024 * 1024;

/**
 * Subgraphs take twice that: a gateway fetch carries the client's variables plus the planned
 * operation (or entity representations), and a subgraph must not refuse what the gateway accepted.
 */
export const MAX_SUBGRAPH_BODY_BYTES = 2 * MAX_CLIENT_BODY_BYTES;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: RawResponse) {
  res.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8', ...response.headers });
  res.end(response.body);
}

const jsonError = (status: number, message: string, code: string): RawResponse => ({
  status,
  body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
});

/**
 * A small node:http integration for Apollo Server: one code path for the gateway and every
 * subgraph, with the routes beside GraphQL (health, metrics, webhooks) and a hard body limit.
 * Apollo Server 5 ships no HTTP framework binding of its own beyond startStandaloneServer, which
 * cannot add routes; this is its executeHTTPGraphQLRequest contract and little else.
 */
export function createHttpServer<C extends BaseContext>(options: HttpServerOptions<C>): Server {
  const limit = options.maxBodyBytes ?? MAX_CLIENT_BODY_BYTES;
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const routes = options.routes ?? [];
  const maxInFlight = options.maxInFlight ?? Number.POSITIVE_INFINITY;
  const corsOrigins = options.corsOrigins ?? [];
  let inFlight = 0;

  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = (req.method ?? 'GET').toUpperCase();
      if (corsOrigins.length > 0) {
        // The answer differs by Origin, so a shared cache must key on it.
        res.setHeader('vary', 'origin');
        const origin = allowedOrigin(req.headers, corsOrigins);
        if (origin && method === 'OPTIONS' && req.headers['access-control-request-method']) {
          res.writeHead(204, preflightHeaders(origin));
          res.end();
          return;
        }
        if (origin) for (const [key, value] of Object.entries(corsHeaders(origin))) res.setHeader(key, value);
      }
      let body: Buffer;
      try {
        body = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : await readBody(req, limit);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          res.setHeader('connection', 'close');
          send(res, jsonError(413, `Request body is larger than ${limit} bytes.`, 'PAYLOAD_TOO_LARGE'));
          return;
        }
        throw error;
      }
      const raw: RawRequest = {
        method,
        path: url.pathname,
        headers: req.headers,
        body,
        remoteAddress: req.socket.remoteAddress ?? null,
      };

      const route = routes.find((r) => r.path === url.pathname && r.method === method);
      if (route) {
        send(res, await route.handle(raw));
        return;
      }
      if (url.pathname !== graphqlPath && url.pathname !== '/') {
        send(res, jsonError(404, 'Not found.', 'NOT_FOUND'));
        return;
      }

      let parsedBody: unknown;
      if (body.length > 0) {
        const contentType = req.headers['content-type'] ?? '';
        if (contentType.includes('json')) {
          try {
            parsedBody = JSON.parse(body.toString('utf8'));
          } catch {
            send(res, jsonError(400, 'The request body is not valid JSON.', 'BAD_REQUEST'));
            return;
          }
        } else {
          parsedBody = body.toString('utf8');
        }
      }

      if (options.stream?.accepts(method, req.headers)) {
        await options.stream.handle(req, res, parsedBody);
        return;
      }

      let graphqlRequest: GraphQLRequestInput = { method, search: url.search, body: parsedBody };
      if (options.admit) {
        const admitted = options.admit(graphqlRequest);
        if ('status' in admitted) {
          send(res, admitted);
          return;
        }
        graphqlRequest = admitted;
      }

      if (inFlight >= maxInFlight) {
        res.setHeader('retry-after', '1');
        send(res, jsonError(503, 'The server is busy; retry in a moment.', 'SERVICE_UNAVAILABLE'));
        return;
      }
      if (options.direct && !options.admit) {
        inFlight++;
        let answered: RawResponse | null;
        try {
          answered = await options.direct(raw, graphqlRequest.body);
        } finally {
          inFlight--;
        }
        if (answered) {
          send(res, answered);
          return;
        }
      }
      // Apollo Server's headers, made only for the requests it runs (not for those answered above).
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      inFlight++;
      let result: Awaited<ReturnType<typeof options.apollo.executeHTTPGraphQLRequest>>;
      try {
        result = await options.apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method, headers, search: graphqlRequest.search, body: graphqlRequest.body },
          context: () => options.context(raw),
        });
      } finally {
        inFlight--;
      }
      for (const [key, value] of result.headers) {
        // Several Set-Cookie lines travel newline-separated in Apollo's HeaderMap (client-cookies.ts).
        if (key === 'set-cookie') res.setHeader(key, splitSetCookie(value));
        // Vary: Origin from above stays beside Apollo's own Vary.
        else if (key === 'vary' && res.hasHeader('vary'))
          res.setHeader(key, `${res.getHeader('vary')}, ${value}`);
        else res.setHeader(key, value);
      }
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        const text = result.body.string;
        if (
          options.compressAbove !== undefined &&
          text.length >= options.compressAbove &&
          /\bgzip\b/.test(headers.get('accept-encoding') ?? '')
        ) {
          const compressed = await gzipAsync(text, { level: 4 });
          res.setHeader('content-encoding', 'gzip');
          const vary = res.getHeader('vary');
          res.setHeader('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
          res.setHeader('content-length', compressed.length);
          res.end(compressed);
        } else {
          res.end(text);
        }
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      options.onError?.(error);
      if (!res.headersSent) send(res, jsonError(500, 'Internal server error', 'INTERNAL_SERVER_ERROR'));
      else res.end();
    }
  });
}

/** Listens on the port (0 picks a free one) and returns a close that drains in-flight requests. */
export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  server.keepAliveTimeout = 65_000;
  const visibleHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${visibleHost}:${address.port}`,
    port: address.port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests still running after the grace period are cut so shutdown always ends.
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      }),
  };
}

export function jsonResponse(status: number, body: unknown): RawResponse {
  return { status, body: JSON.stringify(body) };
}
