/**
 * Cookies on the client, set and read by subgraphs through the gateway.
 *
 * Only the gateway talks to the client, so a subgraph cannot answer with Set-Cookie itself. A
 * resolver that needs a cookie on the client (the OAuth flow cookie, the browser session
 * cookie) asks for it on its request context: `ctx.cookies.set(name, value, maxAgeSeconds)`
 * or `ctx.cookies.clear(name)`. The subgraph sends those requests to the gateway in the
 * `x-fitness-set-cookie` response header (JSON). The gateway acts on them only for cookie names its
 * policy gives that subgraph (gateway/client-cookies.ts), and writes the Set-Cookie line itself
 * with attributes no subgraph chooses: HttpOnly, SameSite=Lax, Path=/, and Secure plus the
 * `__Host-` name prefix (no subdomain can plant the cookie) outside plain-http development. The
 * header itself never reaches the client.
 *
 * The other way, the gateway passes a subgraph only the client cookies that subgraph owns, under
 * their plain names, in `x-fitness-client-cookie` (`name=value; ...`); a subgraph reads them only
 * from requests that carry the gateway's valid identity header (kit/subgraph.ts).
 */

/** Subgraph response header: the cookies a subgraph asks the gateway to set on the client. */
export const SET_CLIENT_COOKIE_HEADER = 'x-fitness-set-cookie';
/** Gateway request header: the client's cookies that the called subgraph may read. */
export const CLIENT_COOKIE_HEADER = 'x-fitness-client-cookie';

/** Plain cookie names as subgraphs use them; the gateway adds the `__Host-` prefix on the wire. */
const NAME = /^[a-z][a-z0-9_]{0,31}$/;
/** Values are random tokens: a strict subset of RFC 6265 cookie-octets, so nothing can break out of the header. */
const VALUE = /^[A-Za-z0-9._~+/=-]{0,512}$/;
/** Longer than any flow or session a cookie could carry. */
const MAX_AGE_LIMIT = 400 * 24 * 3600;
const MAX_REQUESTS = 8;

/** A subgraph's request to set a cookie on the client (maxAgeSeconds 0 clears it). */
export interface CookieRequest {
  name: string;
  value: string;
  maxAgeSeconds: number;
}

export function isValidCookieRequest(request: unknown): request is CookieRequest {
  const r = request as Partial<CookieRequest> | null;
  return (
    typeof r?.name === 'string' &&
    NAME.test(r.name) &&
    typeof r.value === 'string' &&
    VALUE.test(r.value) &&
    Number.isInteger(r.maxAgeSeconds) &&
    (r.maxAgeSeconds as number) >= 0 &&
    (r.maxAgeSeconds as number) <= MAX_AGE_LIMIT
  );
}

/**
 * The cookies of one request: those the client sent (as far as the reader may see them) and
 * those asked to be set on the client's response. The subgraph context and the gateway context
 * each hold one.
 */
export class ClientCookies {
  private readonly requests: CookieRequest[] = [];

  constructor(private readonly incoming: ReadonlyMap<string, string> = new Map()) {}

  /** The value the client sent for this cookie, if any. */
  get(name: string): string | undefined {
    return this.incoming.get(name);
  }

  /** Asks for the cookie on the client; a later request for the same name replaces an earlier one. */
  set(name: string, value: string, maxAgeSeconds: number): void {
    const request = { name, value, maxAgeSeconds };
    // A bad name or value is a programming error, never the client's input.
    if (!isValidCookieRequest(request)) throw new Error(`invalid client cookie request for ${name}`);
    const index = this.requests.findIndex((r) => r.name === name);
    if (index >= 0) this.requests.splice(index, 1);
    this.requests.push(request);
  }

  clear(name: string): void {
    this.set(name, '', 0);
  }

  /** What was asked for, in order. */
  requested(): readonly CookieRequest[] {
    return this.requests;
  }
}

export function encodeCookieRequests(requests: readonly CookieRequest[]): string {
  return JSON.stringify(requests);
}

/** The valid requests in a subgraph's header; anything malformed is dropped. */
export function decodeCookieRequests(header: string | null | undefined): CookieRequest[] {
  if (!header || header.length > 8192) return [];
  try {
    const parsed = JSON.parse(header) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed
      .slice(0, MAX_REQUESTS)
      .filter(isValidCookieRequest)
      .map(({ name, value, maxAgeSeconds }) => ({ name, value, maxAgeSeconds }));
  } catch {
    return [];
  }
}

/** `a=1; b=2` into a map; the first of two same-named cookies wins. */
export function parseCookieHeader(header: string | string[] | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of text.split(';')) {
    const split = part.indexOf('=');
    if (split <= 0) continue;
    const name = part.slice(0, split).trim();
    const value = part.slice(split + 1).trim();
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

export function formatCookieHeader(cookies: ReadonlyMap<string, string>): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** The cookie's name on the wire: `__Host-` where the cookie is Secure. */
export function wireCookieName(name: string, secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}

/** The Set-Cookie line for a request, with the attributes every client cookie of ours has. */
export function setCookieLine(request: CookieRequest, secure: boolean): string {
  const attributes = [`Path=/`, `Max-Age=${request.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax'];
  if (secure) attributes.push('Secure');
  return [`${wireCookieName(request.name, secure)}=${request.value}`, ...attributes].join('; ');
}

/**
 * Apollo Server's HeaderMap keeps one string per header name, and Set-Cookie lines must not be
 * folded into one with commas (RFC 6265, section 3). Several are kept newline-separated (a
 * header value can never contain a newline) and kit/http-server.ts writes each as its own line.
 */
export function appendSetCookie(headers: Map<string, string>, line: string): void {
  const existing = headers.get('set-cookie');
  headers.set('set-cookie', existing ? `${existing}\n${line}` : line);
}

export function splitSetCookie(value: string): string[] {
  return value.split('\n').filter(Boolean);
}
