import { describe, expect, it } from 'vitest';
import { MemoryKeyValueStore } from '../kit/kv.js';
import { createLogger } from '../kit/log.js';
import { ViewerResolver } from './viewer.js';

const TOKEN = 'a'.repeat(43);

/** Identity's sessionViewer answer over HTTP, after `delayMs`, counting the requests. */
function fakeIdentity(delayMs: number, answer: 'viewer' | 'down' = 'viewer') {
  const calls = { count: 0 };
  const fetch = (async () => {
    calls.count++;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (answer === 'down') throw new Error('connect ECONNREFUSED');
    return new Response(
      JSON.stringify({
        data: { sessionViewer: { sessionId: 's1', userId: 'u1', roles: ['USER'], expiresAt: null } },
      }),
      { headers: { 'content-type': 'application/json' } },
    );
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

function resolver(fetch: typeof globalThis.fetch) {
  return new ViewerResolver({
    identityUrl: () => 'http://identity.test/graphql',
    secret: 'x'.repeat(32),
    kv: new MemoryKeyValueStore(),
    log: createLogger({ level: 'silent' }),
    fetch,
  });
}

describe('viewer resolution', () => {
  it('asks identity once for a session that many callers miss at the same time', async () => {
    const identity = fakeIdentity(50);
    const viewers = resolver(identity.fetch);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => viewers.resolve(TOKEN, '127.0.0.1', `r${i}`)),
    );
    expect(identity.calls.count).toBe(1);
    expect(results.every((viewer) => viewer?.userId === 'u1')).toBe(true);
    // Each caller has a viewer object of its own.
    expect(new Set(results).size).toBe(20);
    await viewers.resolve(TOKEN, '127.0.0.1', 'later');
    expect(identity.calls.count).toBe(1);
  });

  it('fails every waiting caller when identity is down, and asks again on the next call', async () => {
    const identity = fakeIdentity(20, 'down');
    const viewers = resolver(identity.fetch);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => viewers.resolve(TOKEN, '127.0.0.1', `r${i}`)),
    );
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(identity.calls.count).toBe(1);
    await expect(viewers.resolve(TOKEN, '127.0.0.1', 'again')).rejects.toThrow();
    expect(identity.calls.count).toBe(2);
  });
});
