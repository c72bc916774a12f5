import type { GraphQLResponse } from './stack.js';

/**
 * A GraphQL client that keeps cookies the way a browser does for one site: every Set-Cookie the
 * gateway answers with is stored (Max-Age=0 removes it) and sent back as Cookie on later requests.
 * Tests use one per person, so an attacker's and a victim's cookies never mix.
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  /** Every Set-Cookie line received, oldest first, to check attributes. */
  readonly setCookieLines: string[] = [];
  /** The headers of the last response. */
  lastHeaders: Headers = new Headers();

  constructor(private readonly url: string) {}

  async gql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { token?: string | null } = {},
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    this.lastHeaders = response.headers;
    for (const line of response.headers.getSetCookie()) this.store(line);
    return { status: response.status, ...((await response.json()) as object) };
  }

  /** A fetch that sends and keeps this browser's cookies, for clients that bring their own fetch. */
  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    this.lastHeaders = response.headers;
    for (const line of response.headers.getSetCookie()) this.store(line);
    return response;
  };

  private store(line: string) {
    this.setCookieLines.push(line);
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const split = pair.indexOf('=');
    const name = pair.slice(0, split);
    const expired = attributes.some((a) => /^max-age=0$/i.test(a));
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, pair.slice(split + 1));
  }
}
