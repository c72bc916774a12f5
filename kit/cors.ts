import type { IncomingHttpHeaders } from 'node:http';

/**
 * CORS for browsers on other origins (a web app served from its own dev server or domain).
 *
 * Only origins on the allowlist (`CORS_ORIGINS`, exact `scheme://host[:port]`) get CORS headers,
 * always naming the origin itself (never `*`) and allowing credentials, so the session cookie
 * travels. Any other origin gets no CORS header at all, and its browser keeps the answer from the
 * page. CORS only relaxes what a browser lets a page read: a simple cross-site POST (text/plain,
 * form) still reaches the server, and Apollo Server's CSRF prevention refuses it before execution.
 */

/** Headers a client may send cross-origin (what Apollo Client and the typed client set). */
export const CORS_ALLOW_HEADERS = [
  'content-type',
  // Not safelisted with quotes in it: `multipart/mixed;subscriptionSpec="1.0"` (subscriptions over HTTP).
  'accept',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-request-id',
].join(', ');
export const CORS_ALLOW_METHODS = 'GET, POST, OPTIONS';
/** Response headers a page may read: the request id for support, Retry-After for back-off. */
export const CORS_EXPOSE_HEADERS = 'x-request-id, retry-after';
/** Seconds a browser may reuse a preflight answer. */
export const CORS_MAX_AGE_SECONDS = 600;

/** Parses `CORS_ORIGINS`: comma-separated exact origins; anything that is not a plain origin is refused. */
export function parseCorsOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      const url = new URL(origin);
      if (url.origin !== origin || !/^https?:$/.test(url.protocol))
        throw new Error(`CORS_ORIGINS: ${origin} is not an origin like https://app.example.com`);
      return origin;
    });
}

/** The request's Origin when it is on the allowlist; else null. */
export function allowedOrigin(headers: IncomingHttpHeaders, origins: readonly string[]): string | null {
  const origin = headers.origin;
  return typeof origin === 'string' && origins.includes(origin) ? origin : null;
}

/** Headers for every answer to an allowed origin. */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': CORS_EXPOSE_HEADERS,
  };
}

/** Headers of the 204 answer to an allowed origin's preflight. */
export function preflightHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': CORS_ALLOW_METHODS,
    'access-control-allow-headers': CORS_ALLOW_HEADERS,
    'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
  };
}
