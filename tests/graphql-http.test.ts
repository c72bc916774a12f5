import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../testkit/stack.js';

/**
 * GraphQL over HTTP conformance (graphql-http's audit suite) against the gateway. Every MUST
 * passes. The SHOULDs the gateway deliberately does not meet are listed here and in README.md
 * ("GraphQL over HTTP"); any other SHOULD that stops passing fails this file.
 */
const SHOULDS_LEFT_OUT = new Set([
  // Apollo Server answers requests that fail before execution with HTTP 400 whatever the Accept
  // header; the spec's 200 for legacy application/json clients would hide client errors from
  // HTTP-level monitoring. With application/graphql-response+json the 4xx SHOULDs pass.
  'SHOULD use 200 status code on document parsing failure when accepting application/json',
  'SHOULD use 200 status code on document validation failure when accepting application/json',
  'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
]);

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const audits = serverAudits({ url: () => stack.gatewayUrl });

describe('GraphQL over HTTP audit', () => {
  it('has MUST audits to run', () => {
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThanOrEqual(13);
  });

  for (const audit of audits) {
    const level = audit.name.split(' ')[0];
    if (level === 'MAY') continue;
    const test = level === 'SHOULD' && SHOULDS_LEFT_OUT.has(audit.name) ? it.fails : it;
    test(audit.name, async () => {
      const result = await audit.fn();
      const detail =
        result.status === 'ok'
          ? ''
          : `${result.reason}: HTTP ${result.response.status} ${await result.response.text().catch(() => '')}`;
      expect(result.status, detail).toBe('ok');
    });
  }

  it('never answers an audit request with a 5xx or a stack trace', async () => {
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === 'ok') continue;
      expect(result.response.status, audit.name).toBeLessThan(500);
      expect(await result.response.text(), audit.name).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
  });
});
