import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../kit/events/bus.js';
import { eventually, startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import { makeTrainer } from '../../testkit/training.js';
import { canTransition, sessionDurationSeconds } from './workouts.js';

const START = `mutation($input: StartWorkoutSessionInput!) {
  startWorkoutSession(input: $input) { id status startedAt workoutPlan { id } workoutPlanVersion { version } notes }
}`;
const COMPLETE = `mutation($id: ID!, $input: CompleteWorkoutSessionInput!) {
  completeWorkoutSession(id: $id, input: $input) { id status completedAt durationSeconds intensityLevel notes }
}`;
const ABANDON = `mutation($id: ID!) { abandonWorkoutSession(id: $id) { id status completedAt } }`;
const MY_SESSIONS = `query($filter: WorkoutSessionFilter, $first: Int, $after: String) {
  me { workoutSessions(filter: $filter, first: $first, after: $after) {
    nodes { id status } pageInfo { hasNextPage endCursor }
  } }
}`;

let stack: TestStack;
let athlete: TestUser;
const events: DomainEvent[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  athlete = await stack.signUp();
  await stack.runtime.bus.subscribe('training-test-observer', async (event) => {
    events.push(event);
  });
});
afterAll(async () => {
  await stack?.stop();
});

describe('session state machine', () => {
  it('moves only out of IN_PROGRESS, once', () => {
    expect(canTransition('IN_PROGRESS', 'COMPLETED')).toBe(true);
    expect(canTransition('IN_PROGRESS', 'ABANDONED')).toBe(true);
    expect(canTransition('COMPLETED', 'ABANDONED')).toBe(false);
    expect(canTransition('COMPLETED', 'COMPLETED')).toBe(false);
    expect(canTransition('ABANDONED', 'COMPLETED')).toBe(false);
    expect(canTransition('IN_PROGRESS', 'IN_PROGRESS')).toBe(false);
  });

  it('computes whole seconds and never a negative duration', () => {
    expect(
      sessionDurationSeconds(new Date('2026-11-27T10:00:00Z'), new Date('2026-11-27T10:45:30.400Z')),
    ).toBe(2730);
    expect(sessionDurationSeconds(new Date('2026-11-27T10:00:00Z'), new Date('2026-11-27T09:59:00Z'))).toBe(
      0,
    );
  });
});

describe('workout sessions', () => {
  it('starts a free workout, completes it with a computed duration and publishes workout.completed', async () => {
    const started = await stack.gql(START, { input: { notes: 'easy run' } }, { token: athlete.token });
    const session = started.data.startWorkoutSession;
    expect(session).toMatchObject({
      status: 'IN_PROGRESS',
      workoutPlan: null,
      workoutPlanVersion: null,
      notes: 'easy run',
    });

    stack.clock.advance(42 * 60 * 1000 + 15_000);
    const completed = await stack.gql(
      COMPLETE,
      { id: session.id, input: { intensityLevel: 'HIGH', notes: 'felt strong' } },
      { token: athlete.token },
    );
    expect(completed.data.completeWorkoutSession).toMatchObject({
      status: 'COMPLETED',
      durationSeconds: 42 * 60 + 15,
      intensityLevel: 'HIGH',
      notes: 'felt strong',
    });

    await stack.flushEvents();
    const event = await eventually(() => {
      const found = events.find((e) => e.type === 'workout.completed' && e.payload.sessionId === session.id);
      if (!found) throw new Error('no workout.completed yet');
      return found;
    });
    expect(event.source).toBe('training');
    expect(event.payload).toEqual({
      sessionId: session.id,
      userId: athlete.id,
      workoutPlanId: null,
      workoutPlanVersion: null,
      startedAt: session.startedAt,
      completedAt: completed.data.completeWorkoutSession.completedAt,
      durationSeconds: 42 * 60 + 15,
      intensityLevel: 'HIGH',
    });
  });

  it('refuses completing a completed session, and any move out of a final status', async () => {
    const { id } = (await stack.gql(START, { input: {} }, { token: athlete.token })).data.startWorkoutSession;
    await stack.gql(COMPLETE, { id, input: { intensityLevel: 'LOW' } }, { token: athlete.token });
    const again = await stack.gql(
      COMPLETE,
      { id, input: { intensityLevel: 'LOW' } },
      { token: athlete.token },
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      from: 'COMPLETED',
      to: 'COMPLETED',
    });
    const abandon = await stack.gql(ABANDON, { id }, { token: athlete.token });
    expect(abandon.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const other = (await stack.gql(START, { input: {} }, { token: athlete.token })).data.startWorkoutSession;
    const abandoned = await stack.gql(ABANDON, { id: other.id }, { token: athlete.token });
    expect(abandoned.data.abandonWorkoutSession).toMatchObject({ status: 'ABANDONED', completedAt: null });
    const complete = await stack.gql(
      COMPLETE,
      { id: other.id, input: { intensityLevel: 'LOW' } },
      { token: athlete.token },
    );
    expect(complete.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('completes a session only once under concurrent requests, with one event', async () => {
    const { id } = (await stack.gql(START, { input: {} }, { token: athlete.token })).data.startWorkoutSession;
    const outcomes = await Promise.all(
      [1, 2, 3].map(() =>
        stack.gql(COMPLETE, { id, input: { intensityLevel: 'MODERATE' } }, { token: athlete.token }),
      ),
    );
    expect(outcomes.filter((o) => !o.errors)).toHaveLength(1);
    await stack.flushEvents();
    await eventually(() =>
      expect(events.filter((e) => e.type === 'workout.completed' && e.payload.sessionId === id)).toHaveLength(
        1,
      ),
    );
  });

  it("refuses changing someone else's session and hides it from them", async () => {
    const { id } = (await stack.gql(START, { input: {} }, { token: athlete.token })).data.startWorkoutSession;
    const stranger = await stack.signUp();
    const complete = await stack.gql(
      COMPLETE,
      { id, input: { intensityLevel: 'LOW' } },
      { token: stranger.token },
    );
    expect(complete.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await stack.gql(
      `query($id: ID!) { workoutSession(id: $id) { id } }`,
      { id },
      { token: stranger.token },
    );
    expect(read.data.workoutSession).toBeNull();
    const anonymous = await stack.gql(START, { input: {} });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const missing = await stack.gql(
      COMPLETE,
      { id: randomUUID(), input: { intensityLevel: 'LOW' } },
      { token: athlete.token },
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lists a user’s sessions newest first, filtered and paged, only for them and admins', async () => {
    const user = await stack.signUp();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      stack.clock.advance(60_000);
      ids.push((await stack.gql(START, { input: {} }, { token: user.token })).data.startWorkoutSession.id);
    }
    await stack.gql(ABANDON, { id: ids[1] }, { token: user.token });
    const page1 = await stack.gql(MY_SESSIONS, { first: 2 }, { token: user.token });
    const sessions = page1.data.me.workoutSessions;
    expect(sessions.nodes.map((n: { id: string }) => n.id)).toEqual([ids[4], ids[3]]);
    expect(sessions.pageInfo.hasNextPage).toBe(true);
    const page2 = await stack.gql(
      MY_SESSIONS,
      { first: 10, after: sessions.pageInfo.endCursor },
      { token: user.token },
    );
    expect(page2.data.me.workoutSessions.nodes.map((n: { id: string }) => n.id)).toEqual([
      ids[2],
      ids[1],
      ids[0],
    ]);
    expect(page2.data.me.workoutSessions.pageInfo.hasNextPage).toBe(false);
    const abandoned = await stack.gql(
      MY_SESSIONS,
      { filter: { status: 'ABANDONED' } },
      { token: user.token },
    );
    expect(abandoned.data.me.workoutSessions.nodes).toEqual([{ id: ids[1], status: 'ABANDONED' }]);
    const tooMany = await stack.gql(MY_SESSIONS, { first: 1000 }, { token: user.token });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // Through an entity another user reaches (the trainer's user), sessions stay private.
    const trainer = await makeTrainer(stack, user);
    const PUBLIC = `query($id: ID!) { trainer(id: $id) { user { id workoutSessions { nodes { id } } habits { nodes { id } } } } }`;
    const seen = await stack.gql(PUBLIC, { id: trainer.trainerId }, { token: athlete.token });
    expect(seen.data.trainer.user).toEqual({ id: user.id, workoutSessions: null, habits: null });
  });
});
