import { describe, expect, it } from 'vitest';
import { ClientCookies, encodeCookieRequests } from '../kit/client-cookies.js';
import {
  acceptCookieRequests,
  CLIENT_COOKIE_OWNERS,
  cookiesForSubgraph,
  ownedClientCookies,
} from './client-cookies.js';

const flow = { name: 'oauth_flow', value: 'secret', maxAgeSeconds: 600 };

describe('which subgraph owns which client cookie', () => {
  it('sets a cookie only for the subgraph that owns it', () => {
    expect(CLIENT_COOKIE_OWNERS.identity).toContain('oauth_flow');
    expect(acceptCookieRequests('identity', encodeCookieRequests([flow]))).toEqual({
      accepted: [flow],
      refused: [],
    });
    // Another subgraph cannot set identity's cookies, the session cookie among them.
    expect(acceptCookieRequests('billing', encodeCookieRequests([flow]))).toEqual({
      accepted: [],
      refused: ['oauth_flow'],
    });
    const session = { name: 'session', value: 'x'.repeat(32), maxAgeSeconds: 600 };
    expect(acceptCookieRequests('identity', encodeCookieRequests([session])).accepted).toEqual([session]);
    expect(acceptCookieRequests('content', encodeCookieRequests([session])).refused).toEqual(['session']);
    expect(acceptCookieRequests('identity', null)).toEqual({ accepted: [], refused: [] });
  });

  it('passes a subgraph only the cookies it owns', () => {
    const jar = new ClientCookies(ownedClientCookies('oauth_flow=abc; session=tok; other=1', false));
    expect(cookiesForSubgraph('identity', jar)).toEqual(new Map([['oauth_flow', 'abc']]));
    expect(cookiesForSubgraph('training', jar).size).toBe(0);
    expect(jar.get('session')).toBeUndefined();
  });

  it('reads only the __Host- name where cookies are Secure, so no subdomain can plant one', () => {
    expect(ownedClientCookies('oauth_flow=planted', true).size).toBe(0);
    expect(ownedClientCookies('oauth_flow=planted; __Host-oauth_flow=real', true)).toEqual(
      new Map([['oauth_flow', 'real']]),
    );
  });
});
