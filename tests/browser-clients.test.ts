import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsOriginsFromEnv, DEVELOPMENT_WEB_ORIGIN } from '../gateway/server.js';
import { startTestStack, type TestStack } from '../testkit/stack.js';

/** A web app served from its own origin, the way browsers call the gateway. */
const WEB = 'http://localhost:5173';
const OTHER = 'https://evil.example';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { CORS_ORIGINS: `${WEB},https://app.example.com` } });
});
afterAll(async () => {
  await stack?.stop();
});

const preflight = (origin: string) =>
  fetch(stack.gatewayUrl, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization',
    },
  });

describe('CORS for browsers on other origins', () => {
  it('answers an allowed origin’s preflight with 204 and credentialed allow headers', async () => {
    const response = await preflight(WEB);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(WEB);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    const allowHeaders = response.headers.get('access-control-allow-headers') ?? '';
    for (const header of [
      'content-type',
      'authorization',
      'apollo-require-preflight',
      'x-apollo-operation-name',
    ])
      expect(allowHeaders).toContain(header);
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('marks the actual answer to an allowed origin readable, with credentials', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { origin: WEB, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(WEB);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('gives any other origin no CORS headers, on the preflight or the answer', async () => {
    const answer = await preflight(OTHER);
    expect(answer.status).not.toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { origin: OTHER, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect(post.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('still refuses a simple cross-site request (CSRF), allowed origin or not', async () => {
    for (const origin of [OTHER, WEB]) {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { origin, 'content-type': 'text/plain' },
        body: JSON.stringify({ query: 'mutation { signOutEverywhere }' }),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF|preflight/i);
    }
  });

  it('defaults to the example web app in development and to nobody in production', () => {
    expect(DEVELOPMENT_WEB_ORIGIN).toBe(WEB);
    expect(corsOriginsFromEnv({ NODE_ENV: 'development', CORS_ORIGINS: undefined })).toEqual([WEB]);
    expect(corsOriginsFromEnv({ NODE_ENV: 'production', CORS_ORIGINS: undefined })).toEqual([]);
    expect(
      corsOriginsFromEnv({ NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example, https://b.example' }),
    ).toEqual(['https://a.example', 'https://b.example']);
    expect(() =>
      corsOriginsFromEnv({ NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example/path' }),
    ).toThrow();
    expect(() => corsOriginsFromEnv({ NODE_ENV: 'production', CORS_ORIGINS: '*' })).toThrow();
  });
});
