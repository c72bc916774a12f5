import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import {
  appendSetCookie,
  ClientCookies,
  decodeCookieRequests,
  encodeCookieRequests,
  parseCookieHeader,
  setCookieLine,
} from './client-cookies.js';
import { createHttpServer, listen } from './http-server.js';

describe('client cookie requests', () => {
  it('writes every cookie with the fixed attributes; Secure and __Host- outside plain-http development', () => {
    const request = { name: 'oauth_flow', value: 'abc123', maxAgeSeconds: 600 };
    expect(setCookieLine(request, false)).toBe(
      'oauth_flow=abc123; Path=/; Max-Age=600; HttpOnly; SameSite=Lax',
    );
    expect(setCookieLine(request, true)).toBe(
      '__Host-oauth_flow=abc123; Path=/; Max-Age=600; HttpOnly; SameSite=Lax; Secure',
    );
    expect(setCookieLine({ name: 'oauth_flow', value: '', maxAgeSeconds: 0 }, false)).toContain('Max-Age=0');
  });

  it('refuses names and values that could break out of the header, from a resolver or a response', () => {
    const jar = new ClientCookies();
    for (const [name, value] of [
      ['oauth_flow', 'a; Domain=evil.example'],
      ['oauth_flow', 'a\r\nSet-Cookie: x=y'],
      ['oauth_flow', 'a,b'],
      ['__Host-x', 'a'],
      ['Session', 'a'],
      ['a=b', 'c'],
    ]) {
      expect(() => jar.set(name!, value!, 60)).toThrow();
    }
    expect(() => jar.set('oauth_flow', 'ok', -1)).toThrow();
    expect(() => jar.set('oauth_flow', 'ok', 1.5)).toThrow();
    expect(jar.requested()).toEqual([]);

    const header = JSON.stringify([
      { name: 'oauth_flow', value: 'good', maxAgeSeconds: 600 },
      { name: 'oauth_flow', value: 'bad; Path=/x', maxAgeSeconds: 600 },
      { name: 'other', value: 'v', maxAgeSeconds: '600' },
      'not an object',
    ]);
    expect(decodeCookieRequests(header)).toEqual([{ name: 'oauth_flow', value: 'good', maxAgeSeconds: 600 }]);
    expect(decodeCookieRequests('{not json')).toEqual([]);
    expect(decodeCookieRequests(JSON.stringify({ name: 'oauth_flow' }))).toEqual([]);
  });

  it('keeps the last request per name and round-trips through the header', () => {
    const jar = new ClientCookies(new Map([['oauth_flow', 'sent']]));
    expect(jar.get('oauth_flow')).toBe('sent');
    jar.set('oauth_flow', 'first', 600);
    jar.clear('oauth_flow');
    expect(decodeCookieRequests(encodeCookieRequests(jar.requested()))).toEqual([
      { name: 'oauth_flow', value: '', maxAgeSeconds: 0 },
    ]);
  });

  it('reads a Cookie header; the first of two same-named cookies wins', () => {
    expect(parseCookieHeader('a=1; b=2=3;c=; a=4; junk')).toEqual(
      new Map([
        ['a', '1'],
        ['b', '2=3'],
        ['c', ''],
      ]),
    );
    expect(parseCookieHeader(undefined).size).toBe(0);
  });

  it('sends several Set-Cookie lines as separate header lines', async () => {
    const apollo = new ApolloServer({
      typeDefs: 'type Query { ok: Boolean }',
      resolvers: { Query: { ok: () => true } },
      plugins: [
        {
          async requestDidStart() {
            return {
              async willSendResponse({ response }) {
                appendSetCookie(response.http.headers, 'a=1; Path=/');
                appendSetCookie(response.http.headers, 'b=2; Path=/');
              },
            };
          },
        },
      ],
    });
    await apollo.start();
    const running = await listen(createHttpServer({ apollo, context: async () => ({}) }), 0);
    try {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ ok }' }),
      });
      expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    } finally {
      await running.close();
      await apollo.stop();
    }
  });
});
