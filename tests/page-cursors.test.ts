import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../kit/pagination.js';
import { startTestStack, type TestStack } from '../testkit/stack.js';
import { gqlAs, signUpTrainer, type TestTrainer } from '../testkit/trainer.js';

/**
 * Every list on a parent takes `after` as the client sends it back. A cursor this list did not
 * give out (well-formed base64 JSON, wrong values inside) is the client's mistake: BAD_USER_INPUT,
 * never a PostgreSQL cast error surfacing as INTERNAL_SERVER_ERROR.
 */
const LISTS: Record<string, string> = {
  'User.workoutSessions': `query($after: String) { me { workoutSessions(first: 2, after: $after) { nodes { id } } } }`,
  'Trainer.workoutPlans': `query($after: String) { me { trainer { workoutPlans(first: 2, after: $after) { nodes { id } } } } }`,
  'Trainer.clients': `query($after: String) { me { trainer { clients(first: 2, after: $after) { nodes { id } } } } }`,
  'Trainer.contentItems': `query($after: String) { me { trainer { contentItems(first: 2, after: $after) { nodes { id } } } } }`,
  'Trainer.courses': `query($after: String) { me { trainer { courses(first: 2, after: $after) { nodes { id } } } } }`,
  'User.enrollments': `query($after: String) { me { enrollments(first: 2, after: $after) { nodes { enrolledAt } } } }`,
  'User.subscriptions': `query($after: String) { me { subscriptions(first: 2, after: $after) { nodes { id } } } }`,
  'User.healthMetrics': `query($after: String) { me { healthMetrics(first: 2, after: $after) { nodes { id } } } }`,
  'User.healthGoals': `query($after: String) { me { healthGoals(first: 2, after: $after) { nodes { id } } } }`,
};

const BAD_CURSORS = {
  'not a date': encodeCursor(['yesterday', '00000000-0000-4000-8000-000000000001']),
  'not a uuid': encodeCursor(['2026-11-01T12:00:00.000Z', 'not-a-uuid']),
  'wrong arity': encodeCursor(['2026-11-01T12:00:00.000Z']),
};

let stack: TestStack;
let trainer: TestTrainer;

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await signUpTrainer(stack);
});
afterAll(async () => {
  await stack?.stop();
});

describe('cursors of lists on a parent', () => {
  for (const [list, query] of Object.entries(LISTS)) {
    it(`${list} answers a good first page and refuses cursors it did not give out`, async () => {
      const ok = await gqlAs(stack, trainer, query, { after: null });
      expect(ok.errors).toBeUndefined();
      for (const [what, after] of Object.entries(BAD_CURSORS)) {
        const result = await gqlAs(stack, trainer, query, { after });
        expect({ what, code: result.errors?.[0]?.extensions?.code }).toEqual({
          what,
          code: 'BAD_USER_INPUT',
        });
        expect(JSON.stringify(result.errors)).not.toMatch(/timestamp|uuid|syntax/i);
      }
    });
  }
});
